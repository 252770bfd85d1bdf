// Peak memory of a page and of its dedicated workers during one measurement, over CDP.
// Runtime.getHeapUsage gives usedSize (JS heap) and backingStorageSize (ArrayBuffers). Workers are
// reached by auto-attaching the page's CDP session to them (non-flat sessions, so they can be asked
// through Target.sendMessageToTarget with Playwright's CDPSession).

const size = (h) => h.usedSize + (h.backingStorageSize ?? 0);

export async function heapWatch(cdp) {
  const workers = new Set();
  const pending = new Map();
  let next = 0;
  cdp.on('Target.attachedToTarget', (e) => { if (e.targetInfo.type === 'worker') workers.add(e.sessionId); });
  cdp.on('Target.detachedFromTarget', (e) => workers.delete(e.sessionId));
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message);
    pending.get(m.id)?.(m.result ?? null);
    pending.delete(m.id);
  });
  const workersOk = await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false })
    .then(() => true, () => false);
  const ask = (sessionId) => new Promise((resolve) => {
    const id = ++next;
    pending.set(id, resolve);
    setTimeout(() => { if (pending.delete(id)) resolve(null); }, 2000);
    cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) })
      .catch(() => { pending.delete(id); resolve(null); });
  });

  /** Starts sampling every `everyMs`; `stop()` gives the growth over the start, in bytes. */
  async function start(everyMs = 50) {
    await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
    const pageBase = size(await cdp.send('Runtime.getHeapUsage'));
    let pagePeak = pageBase;
    const base = new Map(); // worker → its size when first seen (0 if it started during the measurement)
    const peak = new Map();
    for (const w of workers) { const h = await ask(w); if (h) base.set(w, size(h)); }
    let done = false;
    const loop = (async () => {
      while (!done) {
        const h = await cdp.send('Runtime.getHeapUsage').catch(() => null);
        if (h) pagePeak = Math.max(pagePeak, size(h));
        await Promise.all([...workers].map(async (w) => {
          const wh = await ask(w);
          if (!wh) return;
          if (!base.has(w)) base.set(w, 0);
          peak.set(w, Math.max(peak.get(w) ?? 0, size(wh)));
        }));
        await new Promise((r) => setTimeout(r, everyMs));
      }
    })();
    return async () => {
      done = true;
      await loop;
      let workerGrowth = 0;
      for (const [w, p] of peak) workerGrowth += Math.max(0, p - (base.get(w) ?? 0));
      return { pageBase, pagePeak, pageGrowth: pagePeak - pageBase, workerGrowth: workersOk ? workerGrowth : null, workersSeen: peak.size };
    };
  }
  return { start, workersOk };
}
