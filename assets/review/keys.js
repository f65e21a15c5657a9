// The review page's keys, as in Anki: Space shows the answer, 1–4 rate it (Again, Hard, Good,
// Easy); on a problem card 1 gives up. The page works without this file: the answer is a
// <details> and the ratings are form buttons, both reachable with Tab.
document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
  if (event.target.closest?.('input, textarea, select, [contenteditable]')) return;
  const card = document.querySelector('.review-card');
  if (!card) return;
  const reveal = card.querySelector('details.reveal');
  if (event.key === ' ' && reveal && !reveal.open) {
    event.preventDefault();
    reveal.open = true;
    card.querySelector('[data-key="3"]')?.focus();
    return;
  }
  const button = card.querySelector(`button[data-key="${event.key}"]`);
  if (button && (!reveal || reveal.open)) {
    event.preventDefault();
    button.click();
  }
});
