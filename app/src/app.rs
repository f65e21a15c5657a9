//! The HTML shell, the router and the state shared by every page.

use leptos::prelude::*;
use leptos_meta::{MetaTags, Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};

use crate::api::{ClaimGuest, LogIn, LogOut, SignUp, StartGuest, current_theme, current_user};
use crate::components::header::Header;
use crate::pages::{
    auth::{ClaimPage, LoginPage, SignupPage},
    dashboard::DashboardPage,
    data::DataPage,
    demo::DemoPage,
    home::HomePage,
    lesson::LessonPage,
    merge::MergePage,
    not_found::NotFound,
    notes::NotesPage,
    problem::ProblemPage,
    problems::ProblemsPage,
    review::ReviewPage,
    search::SearchPage,
    settings::SettingsPage,
    submission::SubmissionPage,
};

/// The document around the app. Rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let theme = current_theme();
    // Every script carries the request's nonce (the CSP allows this site's files anyway; the
    // nonce keeps one rule for all of them: a script without it did not come from us).
    let nonce = use_nonce();
    view! {
        <!DOCTYPE html>
        <html lang="en" data-theme=theme.as_str()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light dark" />
                <link rel="stylesheet" href="/pkg/prep.css" />
                // Demo panels' live part; it waits for a Run click, so pages without demos only
                // pay for fetching it once (cached).
                <script type="module" src="/pkg/demo/panel.js" nonce=nonce.clone()></script>
                // `/` focuses the header's search box; the box works without it.
                <script type="module" src="/pkg/search/keys.js" nonce=nonce></script>
                <link rel="icon" href="data:," />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Actions that change who is logged in. Pages refetch their data when any of them completes.
#[derive(Clone, Copy)]
pub struct AuthActions {
    pub log_in: ServerAction<LogIn>,
    pub sign_up: ServerAction<SignUp>,
    pub log_out: ServerAction<LogOut>,
    pub guest: ServerAction<StartGuest>,
    pub claim: ServerAction<ClaimGuest>,
}

impl AuthActions {
    fn new() -> Self {
        Self {
            log_in: ServerAction::new(),
            sign_up: ServerAction::new(),
            log_out: ServerAction::new(),
            guest: ServerAction::new(),
            claim: ServerAction::new(),
        }
    }

    /// Changes whenever any auth action completes: a key for resources that depend on the user.
    pub fn version(&self) -> usize {
        self.log_in.version().get()
            + self.sign_up.version().get()
            + self.log_out.version().get()
            + self.guest.version().get()
            + self.claim.version().get()
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let auth = AuthActions::new();
    provide_context(auth);
    let me = Resource::new(move || auth.version(), |_| current_user());
    provide_context(me);
    // Effects run only in the browser, after hydration: a hook for tests and for CSS.
    Effect::new(|_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });

    view! {
        <Title formatter=|t: String| if t.is_empty() { "Prep".to_string() } else { format!("{t} · Prep") } />
        <Router>
            <a class="skip" href="#main">"Skip to content"</a>
            <Header />
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async />
                    <Route path=path!("/lessons/:id") view=LessonPage ssr=SsrMode::Async />
                    <Route path=path!("/demos/:id") view=DemoPage ssr=SsrMode::Async />
                    <Route path=path!("/problems") view=ProblemsPage ssr=SsrMode::Async />
                    <Route path=path!("/problems/:id") view=ProblemPage ssr=SsrMode::Async />
                    <Route path=path!("/submissions/:id") view=SubmissionPage ssr=SsrMode::Async />
                    <Route path=path!("/review") view=ReviewPage ssr=SsrMode::Async />
                    <Route path=path!("/search") view=SearchPage ssr=SsrMode::Async />
                    <Route path=path!("/settings") view=SettingsPage ssr=SsrMode::Async />
                    <Route path=path!("/notes") view=NotesPage ssr=SsrMode::Async />
                    <Route path=path!("/dashboard") view=DashboardPage ssr=SsrMode::Async />
                    <Route path=path!("/data") view=DataPage ssr=SsrMode::Async />
                    <Route path=path!("/merge") view=MergePage ssr=SsrMode::Async />
                    <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async />
                    <Route path=path!("/signup") view=SignupPage ssr=SsrMode::Async />
                    <Route path=path!("/claim") view=ClaimPage ssr=SsrMode::Async />
                </Routes>
            </main>
        </Router>
    }
}
