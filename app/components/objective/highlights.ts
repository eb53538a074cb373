/**
 * Passage highlights as character offsets into each highlightable block's text, so they can be
 * kept in the browser's storage and put back after a reload (a phone may drop the tab).
 */
export type SavedHighlight = { block: number; start: number; end: number };

const ROOTS = "[data-highlightable]";

function textNodes(root: Element): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

/** The highlights on the page now, in block and text order. */
export function currentHighlights(): SavedHighlight[] {
  const saved: SavedHighlight[] = [];
  document.querySelectorAll(ROOTS).forEach((root, block) => {
    let offset = 0;
    for (const node of textNodes(root)) {
      const mark = node.parentElement?.closest("mark.highlight");
      const last = saved.at(-1);
      if (mark && last?.block === block && last.end === offset) last.end += node.length;
      else if (mark) saved.push({ block, start: offset, end: offset + node.length });
      offset += node.length;
    }
  });
  return saved;
}

/** The text node and offset at a character position of a block. */
function locate(root: Element, position: number): [Text, number] | null {
  let offset = 0;
  for (const node of textNodes(root)) {
    if (position <= offset + node.length) return [node, position - offset];
    offset += node.length;
  }
  return null;
}

/** Wraps a range in a highlight mark; false when it would cut through other markup. */
export function markRange(range: Range): boolean {
  const mark = document.createElement("mark");
  mark.className = "highlight";
  try {
    range.surroundContents(mark);
    return true;
  } catch {
    return false;
  }
}

/** Puts saved highlights back; any that no longer fit the text (the passage changed) are skipped. */
export function restoreHighlights(saved: readonly SavedHighlight[]): void {
  const roots = document.querySelectorAll(ROOTS);
  // Last first, so that wrapping one does not move the text nodes the earlier ones point into.
  for (const h of [...saved].sort((a, b) => b.block - a.block || b.start - a.start)) {
    const root = roots[h.block];
    if (!root || h.end <= h.start) continue;
    const from = locate(root, h.start);
    const to = locate(root, h.end);
    if (!from || !to) continue;
    const range = document.createRange();
    range.setStart(...from);
    range.setEnd(...to);
    markRange(range);
  }
}
