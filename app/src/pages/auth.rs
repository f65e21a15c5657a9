//! Log in, sign up, and claim a guest account. The forms post to the API; with JavaScript the
//! page updates in place, without it the browser follows the server's redirect.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::fields::{Password, Username};
use crate::app::AuthActions;
use crate::components::error_box::action_error;

#[component]
fn CredentialFields(new_password: bool) -> impl IntoView {
    let autocomplete = if new_password { "new-password" } else { "current-password" };
    view! {
        <label for="username">"Username"</label>
        <input
            id="username"
            name="username"
            autocomplete="username"
            required
            minlength=Username::MIN
            maxlength=Username::MAX
            pattern="[A-Za-z0-9_.\\-]+"
            title="Letters, digits, _ - and ."
        />
        <label for="password">"Password"</label>
        <input
            id="password"
            name="password"
            type="password"
            autocomplete=autocomplete
            required
            minlength=if new_password { Password::MIN } else { 1 }
            maxlength=Password::MAX
        />
        {new_password.then(|| view! { <small class="muted">{format!("At least {} characters.", Password::MIN)}</small> })}
    }
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let auth = expect_context::<AuthActions>();
    view! {
        <Title text="Log in" />
        <section class="narrow auth">
            <h1>"Log in"</h1>
            <ActionForm action=auth.log_in attr:class="stack">
                <CredentialFields new_password=false />
                <button type="submit" disabled=move || auth.log_in.pending().get()>"Log in"</button>
                {action_error(auth.log_in.value())}
            </ActionForm>
            <p>"New here? " <A href="/signup">"Create an account"</A> " or start as a guest from any lesson."</p>
        </section>
    }
}

#[component]
pub fn SignupPage() -> impl IntoView {
    let auth = expect_context::<AuthActions>();
    view! {
        <Title text="Sign up" />
        <section class="narrow auth">
            <h1>"Create an account"</h1>
            <p class="muted">"If you have been studying as a guest, your progress comes with you."</p>
            <ActionForm action=auth.sign_up attr:class="stack">
                <CredentialFields new_password=true />
                <button type="submit" disabled=move || auth.sign_up.pending().get()>"Sign up"</button>
                {action_error(auth.sign_up.value())}
            </ActionForm>
            <p>"Have an account? " <A href="/login">"Log in"</A></p>
        </section>
    }
}

#[component]
pub fn ClaimPage() -> impl IntoView {
    let auth = expect_context::<AuthActions>();
    view! {
        <Title text="Save your progress" />
        <section class="narrow auth">
            <h1>"Save your progress"</h1>
            <p class="muted">"Choose a username and password for this guest account. Everything you have done stays; you can then log in on any device."</p>
            <ActionForm action=auth.claim attr:class="stack">
                <CredentialFields new_password=true />
                <button type="submit" disabled=move || auth.claim.pending().get()>"Save my progress"</button>
                {action_error(auth.claim.value())}
            </ActionForm>
        </section>
    }
}
