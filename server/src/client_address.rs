//! Which address a request came from, behind a reverse proxy.
//!
//! The login throttle and the judge's per-address limits key on the client's address. Behind a
//! proxy every connection comes from the proxy, so all learners would share one address (and
//! one learner's attacker could lock everyone out). With `--trust-proxy` the address is taken
//! from the last `X-Forwarded-For` entry instead: the one the proxy itself appended, which a
//! client cannot choose (entries before it are the client's own say and are ignored). Without
//! the flag the header is ignored entirely, so a client cannot pick its address by sending it.

use std::net::{IpAddr, SocketAddr};

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::Request;
use axum::middleware::{self, Next};
use axum::response::Response;

/// `router`, reading client addresses from the proxy's header when `trust_proxy` is set.
pub fn layer(router: Router, trust_proxy: bool) -> Router {
    if trust_proxy { router.layer(middleware::from_fn(from_forwarded_for)) } else { router }
}

async fn from_forwarded_for(mut req: Request<Body>, next: Next) -> Response {
    let forwarded = req
        .headers()
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .last()
        .and_then(|last| last.trim().parse::<IpAddr>().ok());
    if let Some(ip) = forwarded {
        let port = req.extensions().get::<ConnectInfo<SocketAddr>>().map_or(0, |c| c.0.port());
        req.extensions_mut().insert(ConnectInfo(SocketAddr::new(ip, port)));
    }
    next.run(req).await
}
