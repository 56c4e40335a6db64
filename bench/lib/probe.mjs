// The probe installed in the app page before any of its scripts run (page.addInitScript). It
// only observes: a MutationObserver and two capture listeners; the app is not changed.
//
// Times are performance.now() values, i.e. milliseconds since this document's navigation
// started (performance.timeOrigin).
//
// First render: when the "Loading…" placeholder, #catalogue-count and the first .course-row are
// attached, and the next animation frame after the first row (the frame that paints it) plus a
// message posted from that frame (runs once the frame is done). IndexedDB getAll (what Dexie's
// toArray uses) is wrapped to note when the first read before the first row started and the
// last one finished: the wrapper calls the original and only adds a listener.
//
// Search: a keystroke starts at its keydown's timeStamp (or, for text inserted without a
// keydown, at the input event's timeStamp). It ends when the count's data-query equals the
// search field's value — the results shown are for this keystroke — and the next animation
// frame has started (that frame paints them). Fields: #catalogue-search with #catalogue-count,
// #people-search with #people-count.
//
// People list: when the first .person-row is attached, and its frame (like the first course row).
//
// Roster: run.mjs sets `roster = { start, expected }` and changes the hash; the sample ends at
// the frame after the [role=grid] holds `expected` gridcells.
//
// Mark: a P/L/E/A keydown on a grid cell starts a sample; it ends at the frame after that cell
// shows the letter (the mutation, the outbox entry and the grid's re-render are all inside).

/* global window, document, requestAnimationFrame, MutationObserver, IDBObjectStore, IDBIndex */

/** Runs in the page: must not use anything from this module's scope. */
export function installProbe() {
  const marks = {};
  const bench = {
    marks,
    samples: [],
    pending: null,
    keyAt: undefined,
    roster: null,
    rosterSamples: [],
    markPending: null,
    markSamples: [],
  };
  const countOf = { 'catalogue-search': 'catalogue-count', 'people-search': 'people-count' };
  window.__apogeeBench = bench;

  const afterNextFrame = (callback) =>
    requestAnimationFrame(() => {
      const frame = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => callback(frame, performance.now());
      channel.port2.postMessage(null);
    });

  const checkSearch = () => {
    const pending = bench.pending;
    if (!pending) return;
    const count = document.getElementById(pending.countId);
    if (!count || count.getAttribute('data-query') !== pending.value) return;
    bench.pending = null;
    const committed = performance.now();
    afterNextFrame((frame, afterFrame) => {
      bench.samples.push({ ...pending, committed, frame, afterFrame });
    });
  };

  const checkRoster = () => {
    const roster = bench.roster;
    if (!roster) return;
    const cells = document.querySelectorAll('[role=grid] [role=gridcell]').length;
    if (cells < roster.expected) return;
    bench.roster = null;
    const committed = performance.now();
    afterNextFrame((frame, afterFrame) => {
      bench.rosterSamples.push({ ...roster, cells, committed, frame, afterFrame });
    });
  };

  const checkMark = () => {
    const pending = bench.markPending;
    if (!pending) return;
    const cell = document.querySelector(`[data-cell="${pending.cell}"]`);
    if (!cell || cell.textContent.trim() !== pending.letter) return;
    bench.markPending = null;
    const committed = performance.now();
    afterNextFrame((frame, afterFrame) => {
      bench.markSamples.push({ ...pending, committed, frame, afterFrame });
    });
  };

  for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype]) {
    const getAll = proto.getAll;
    proto.getAll = function (...args) {
      const request = getAll.apply(this, args);
      if (marks.firstRow === undefined) {
        marks.idbReadStart ??= performance.now();
        request.addEventListener('success', () => {
          if (marks.firstRow === undefined) marks.idbReadEnd = performance.now();
        });
      }
      return request;
    };
  }

  const observer = new MutationObserver(() => {
    const now = performance.now();
    if (marks.loading === undefined && document.querySelector('.loading')) marks.loading = now;
    if (marks.count === undefined && document.getElementById('catalogue-count')) marks.count = now;
    if (marks.firstRow === undefined && document.querySelector('.course-row')) {
      marks.firstRow = now;
      afterNextFrame((frame, afterFrame) => {
        marks.firstRowFrame = frame;
        marks.firstRowAfterFrame = afterFrame;
      });
    }
    if (marks.firstPersonRow === undefined && document.querySelector('.person-row')) {
      marks.firstPersonRow = now;
      afterNextFrame((frame) => {
        marks.firstPersonRowFrame = frame;
      });
    }
    checkSearch();
    checkRoster();
    checkMark();
  });
  observer.observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['data-query'],
  });

  window.addEventListener(
    'keydown',
    (event) => {
      bench.keyAt = event.timeStamp;
      const cell = event.target?.closest?.('[data-cell]');
      const letter = event.key.length === 1 ? event.key.toUpperCase() : '';
      if (cell && 'PLEA'.includes(letter) && letter !== '')
        bench.markPending = {
          cell: cell.getAttribute('data-cell'),
          letter,
          start: event.timeStamp,
        };
    },
    true,
  );
  document.addEventListener(
    'input',
    (event) => {
      const target = event.target;
      const countId = target && countOf[target.id];
      if (!countId) return;
      const keyAt = bench.keyAt;
      bench.keyAt = undefined;
      const start = keyAt !== undefined && event.timeStamp - keyAt < 1000 ? keyAt : event.timeStamp;
      bench.pending = { value: target.value, countId, start, inputAt: performance.now() };
      checkSearch();
    },
    true,
  );
}
