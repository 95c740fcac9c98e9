// The regulation explorer's search box: hides the rows of the parameter table that do not
// contain every word typed (case-insensitive). Other pages have no such box.
document.addEventListener("DOMContentLoaded", () => {
  const box = document.getElementById("explorer-filter");
  if (!box) return;
  const rows = Array.from(document.querySelectorAll("table.explorer-index tbody tr"));
  box.addEventListener("input", () => {
    const words = box.value.toLowerCase().split(/\s+/).filter(Boolean);
    for (const row of rows) {
      const text = row.textContent.toLowerCase();
      row.hidden = !words.every((word) => text.includes(word));
    }
  });
});
