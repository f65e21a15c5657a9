//! `/merge`: what a guest did before logging in, and the two choices. Plain forms.

use leptos::prelude::*;

/// One guest account waiting for a choice.
pub struct MergeOfferView {
    pub guest: i64,
    /// "3 lessons started, 2 answers", …
    pub summary: String,
}

#[component]
pub fn MergeOffer(account: String, offers: Vec<MergeOfferView>) -> impl IntoView {
    view! {
        <p>"Before logging in you studied as a guest. Keep that progress in this account, or let it go."</p>
        {offers
            .into_iter()
            .map(|o| {
                let guest = o.guest.to_string();
                view! {
                    <article class="merge-offer" data-guest=guest.clone()>
                        <p>{format!("Guest progress: {}.", o.summary)}</p>
                        <form method="post" action="/api/merge_guest" class="inline">
                            <input type="hidden" name="guest" value=guest.clone() />
                            <button type="submit" name="choice" value="merge">
                                {format!("Merge my guest progress into {account}")}
                            </button>
                            " "
                            <button type="submit" name="choice" value="discard" class="secondary">"Discard it"</button>
                        </form>
                    </article>
                }
            })
            .collect_view()}
        <p class="muted small">
            "Merging keeps the further or newer of each: nothing of this account is replaced by something older. \
             If you leave this page, the guest progress waits here until you choose."
        </p>
    }
}

#[component]
pub fn NothingToMerge() -> impl IntoView {
    view! { <p>"There is no guest progress waiting to be merged. "<a href="/dashboard">"Your dashboard"</a></p> }
}
