//! Rendered lesson pages, kept per reader so a second visit is a copy instead of a render.
//!
//! A lesson page is the same for every visitor in one theme, and the same for one learner until
//! that learner changes something. So pages are keyed by (path, theme, reader) and every entry
//! remembers the reader's *generation* when its render began. A learner's generation moves on
//! after each of their requests that can change data (anything but GET/HEAD) and when one of
//! their submissions gets its verdict (a lesson lists its problems' statuses); an entry from an
//! older generation is a miss. A render that raced a write started at the older generation, so it
//! cannot be served after the write is acknowledged.
//!
//! Each response still gets its own CSP nonce: the cached page's nonce is swapped for the new
//! one. Visits are still recorded ("continue where you left off"), at most once per change of
//! lesson, without blocking the response.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use app::ssr::session::{COOKIE_NAME, cookie_value, user_from_headers};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use store::{LearnerChange, Store, UserId};

use crate::security_headers::RequestNonce;

/// Bound on the pages kept, all readers together (a lesson page is about 80 KB).
const MAX_CACHED_BYTES: usize = 64 * 1024 * 1024;
/// Largest page worth keeping; larger ones are served as rendered.
const MAX_PAGE_BYTES: usize = 1024 * 1024;
const CACHED_PREFIX: &str = "/lessons/";

#[derive(Clone)]
pub struct CacheState {
    pub cache: Arc<PageCache>,
    pub store: Store,
}

#[derive(Default)]
pub struct PageCache {
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    pages: HashMap<Key, Page>,
    bytes: usize,
    /// Learners whose data changed since start-up; absent means generation 0.
    generations: HashMap<UserId, u64>,
    /// Moves on when changes may have been missed: every reader's pages are stale.
    epoch: u64,
    /// The lesson each learner's visit was last recorded for.
    last_visit: HashMap<UserId, String>,
}

#[derive(Clone, PartialEq, Eq, Hash)]
struct Key {
    path: String,
    theme: Option<String>,
    reader: Option<UserId>,
}

struct Page {
    html: Arc<str>,
    /// The nonce the page was rendered with, to be replaced by each response's own.
    nonce: String,
    generation: u64,
}

impl Inner {
    /// Only grows, and grows at every change that concerns `reader`.
    fn generation(&self, reader: Option<UserId>) -> u64 {
        self.epoch + reader.and_then(|u| self.generations.get(&u).copied()).unwrap_or(0)
    }

    fn forget_everyone(&mut self) {
        self.epoch += 1;
        self.pages.clear();
        self.bytes = 0;
    }

    /// Keeps `page`, making room first if the bound needs it: stale pages go first, then
    /// learners' pages (visitors' pages are few and shared), then everything. Returns what was
    /// let go, for the caller to free after unlocking: freeing megabytes of pages under the lock
    /// held every other request back (bursts of 100 ms under the load suite).
    #[must_use = "drop the evicted pages after unlocking"]
    fn insert(&mut self, key: Key, page: Page) -> Vec<Page> {
        let mut evicted = Vec::new();
        let needed = page.html.len();
        if self.bytes + needed > MAX_CACHED_BYTES {
            let stale: Vec<Key> = self
                .pages
                .iter()
                .filter(|(k, p)| p.generation != self.generation(k.reader))
                .map(|(k, _)| k.clone())
                .collect();
            self.evict(&stale, &mut evicted);
        }
        if self.bytes + needed > MAX_CACHED_BYTES {
            let learners: Vec<Key> = self.pages.keys().filter(|k| k.reader.is_some()).cloned().collect();
            self.evict(&learners, &mut evicted);
        }
        if self.bytes + needed > MAX_CACHED_BYTES {
            evicted.extend(self.pages.drain().map(|(_, p)| p));
            self.bytes = 0;
        }
        self.bytes += needed;
        if let Some(old) = self.pages.insert(key, page) {
            self.bytes -= old.html.len();
            evicted.push(old);
        }
        evicted
    }

    fn evict(&mut self, keys: &[Key], into: &mut Vec<Page>) {
        for page in keys.iter().filter_map(|k| self.pages.remove(k)) {
            self.bytes -= page.html.len();
            into.push(page);
        }
    }
}

impl PageCache {
    /// Everything cached for this learner is stale from now on.
    pub fn learner_changed(&self, user: UserId) {
        let mut inner = self.lock();
        *inner.generations.entry(user).or_insert(0) += 1;
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Middleware around the whole router: serves cached lesson pages, keeps new ones, and marks a
/// learner's pages stale when a request of theirs may have changed something.
pub async fn serve(State(state): State<CacheState>, req: Request, next: Next) -> Response {
    let method = req.method().clone();
    if method != Method::GET && method != Method::HEAD {
        return after_possible_write(&state, req, next).await;
    }
    let path = req.uri().path();
    if method != Method::GET || req.uri().query().is_some() || !path.starts_with(CACHED_PREFIX) {
        return next.run(req).await;
    }
    let Some(RequestNonce(nonce)) = req.extensions().get::<RequestNonce>().cloned() else {
        return next.run(req).await;
    };
    let reader = match cookie_value(req.headers(), COOKIE_NAME) {
        None => None,
        Some(_) => match user_from_headers(&state.store, req.headers()).await {
            Ok(Some(user)) => Some(user.id),
            // A stale cookie or a database hiccup: let the page deal with it, uncached.
            _ => return next.run(req).await,
        },
    };
    let key = Key { path: path.to_owned(), theme: cookie_value(req.headers(), app::api::THEME_COOKIE), reader };
    let lesson_id = path[CACHED_PREFIX.len()..].to_owned();
    let generation = {
        let inner = state.cache.lock();
        let generation = inner.generation(reader);
        if let Some(page) = inner.pages.get(&key).filter(|p| p.generation == generation) {
            // Leptos writes the nonce into `nonce` and `crossorigin` attributes; 22 random
            // characters occur nowhere else.
            let html = page.html.replace(&page.nonce, &nonce);
            drop(inner);
            if let Some(user) = reader {
                record_visit(&state, user, lesson_id);
            }
            return html_response(html);
        }
        generation
    };
    let res = next.run(req).await;
    if res.status() != StatusCode::OK || res.headers().contains_key(header::SET_COOKIE) || !is_html(&res) {
        return res;
    }
    let (parts, body) = res.into_parts();
    // Our own render, bounded by the content: collected whole, so a page too large to keep is
    // still served, just not kept.
    let bytes = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(bytes) => bytes,
        // The render failed midway: nothing sensible to resend.
        Err(_) => return Response::builder().status(StatusCode::INTERNAL_SERVER_ERROR).body(Body::empty()).unwrap(),
    };
    if bytes.len() <= MAX_PAGE_BYTES
        && let Ok(text) = std::str::from_utf8(&bytes)
    {
        let page = Page { html: Arc::from(text), nonce: nonce.to_string(), generation };
        let evicted = {
            let mut inner = state.cache.lock();
            if let Some(user) = reader {
                inner.last_visit.insert(user, lesson_id);
            }
            inner.insert(key, page)
        };
        drop(evicted);
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// Runs a request that may change the learner's data, then marks their cached pages stale.
async fn after_possible_write(state: &CacheState, req: Request, next: Next) -> Response {
    let user = match cookie_value(req.headers(), COOKIE_NAME) {
        Some(_) => user_from_headers(&state.store, req.headers()).await.ok().flatten().map(|u| u.id),
        None => None,
    };
    let res = next.run(req).await;
    if let Some(user) = user {
        // Here at once (the learner's next page comes from this process, most likely), and to
        // every other web process through the store.
        state.cache.learner_changed(user);
        if let Err(e) = state.store.announce_learner_changed(user).await {
            tracing::warn!(error = %e, "announcing a learner's change to other processes");
        }
    }
    res
}

/// Keeps "last lesson" right on cached visits; the first visit's render recorded it already.
fn record_visit(state: &CacheState, user: UserId, lesson_id: String) {
    {
        let mut inner = state.cache.lock();
        if inner.last_visit.get(&user) == Some(&lesson_id) {
            return;
        }
        inner.last_visit.insert(user, lesson_id.clone());
    }
    let store = state.store.clone();
    tokio::spawn(async move {
        if let Err(e) = store.record_lesson_visit(user, &lesson_id).await {
            tracing::warn!(error = %e, "recording a cached lesson visit");
        }
    });
}

/// Marks a learner's pages stale when another process announces a change of theirs, or when one
/// of their submissions gets its verdict, whichever process judged it.
pub fn follow_changes(cache: Arc<PageCache>, store: Store) {
    let mut changes = store.subscribe_learner_changes();
    let learners = cache.clone();
    tokio::spawn(async move {
        loop {
            match changes.recv().await {
                Ok(LearnerChange::Learner(user)) => learners.learner_changed(user),
                // Announcements were missed (or this task fell behind): any page may be stale.
                Ok(LearnerChange::Anyone) | Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {
                    learners.lock().forget_everyone()
                }
                Err(tokio::sync::broadcast::error::RecvError::Closed) => return,
            }
        }
    });
    let mut events = store.subscribe_progress();
    tokio::spawn(async move {
        loop {
            match events.recv().await {
                Ok(event) if event.finished => {
                    if let Ok(Some(owner)) = store.submission_owner(event.submission).await {
                        cache.learner_changed(owner);
                    }
                }
                Ok(_) => {}
                // Missed events: any learner's page may be stale.
                Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => cache.lock().forget_everyone(),
                Err(tokio::sync::broadcast::error::RecvError::Closed) => return,
            }
        }
    });
}

fn is_html(res: &Response) -> bool {
    res.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("text/html"))
}

fn html_response(html: String) -> Response {
    let mut res = Response::new(Body::from(html));
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(len: usize, generation: u64) -> Page {
        Page { html: Arc::from("x".repeat(len)), nonce: "n".into(), generation }
    }

    fn key(path: &str, reader: Option<i64>) -> Key {
        Key { path: path.into(), theme: None, reader: reader.map(UserId::from_raw) }
    }

    #[test]
    fn a_learners_change_moves_only_their_generation() {
        let cache = PageCache::default();
        let (a, b) = (UserId::from_raw(1), UserId::from_raw(2));
        cache.learner_changed(a);
        let inner = cache.lock();
        assert_eq!(inner.generation(Some(a)), 1);
        assert_eq!(inner.generation(Some(b)), 0);
        assert_eq!(inner.generation(None), 0);
    }

    #[test]
    fn stays_within_its_byte_bound_dropping_learners_pages_first() {
        let mut inner = Inner::default();
        let _ = inner.insert(key("/lessons/v", None), page(1000, 0));
        let big = MAX_CACHED_BYTES / 2;
        let _ = inner.insert(key("/lessons/a", Some(1)), page(big, 0));
        let evicted = inner.insert(key("/lessons/b", Some(2)), page(big, 0));
        assert_eq!(evicted.len(), 1, "the other learner's page, handed back to be freed");
        assert!(inner.bytes <= MAX_CACHED_BYTES, "{}", inner.bytes);
        assert!(inner.pages.contains_key(&key("/lessons/v", None)), "the visitor's page stays");
        assert!(inner.pages.contains_key(&key("/lessons/b", Some(2))), "the newest page stays");
        assert_eq!(inner.bytes, inner.pages.values().map(|p| p.html.len()).sum::<usize>());
    }

    #[test]
    fn stale_pages_make_room_before_current_ones() {
        let mut inner = Inner::default();
        let third = MAX_CACHED_BYTES / 3;
        let _ = inner.insert(key("/lessons/a", Some(1)), page(third, 0));
        let _ = inner.insert(key("/lessons/b", Some(2)), page(third, 0));
        // Learner 1 changed something: their page is stale; learner 2's is still good.
        *inner.generations.entry(UserId::from_raw(1)).or_insert(0) += 1;
        let evicted = inner.insert(key("/lessons/c", Some(3)), page(third + 2, 0));
        assert_eq!(evicted.len(), 1, "only the stale page goes");
        assert!(!inner.pages.contains_key(&key("/lessons/a", Some(1))));
        assert!(inner.pages.contains_key(&key("/lessons/b", Some(2))), "a current page stays");
        assert!(inner.pages.contains_key(&key("/lessons/c", Some(3))));
        assert_eq!(inner.bytes, inner.pages.values().map(|p| p.html.len()).sum::<usize>());
    }
}
