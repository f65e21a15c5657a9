// `/` anywhere focuses the header's search box, unless the learner is typing (an input, a
// textarea, a select, anything contenteditable — the problem editor is one). The box is a
// plain GET form and works without this file.
document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
  if (event.target.closest?.('input, textarea, select, [contenteditable], .cm-editor')) return;
  const box = document.getElementById('site-search');
  if (!box) return;
  event.preventDefault();
  box.focus();
  box.select();
});
