// Runs in the Gmail page: a stream of Gmail-like mutations (timestamps ticking, tooltips appearing and
// going, classes toggling, now and then a message re-rendered from scratch), while a long-task observer
// records every task over 50 ms. Plain JavaScript in a string (a transpiled function would carry helpers
// that do not exist in the page).
export const MUTATION_STREAM = `async (rounds) => {
  const longTasks = [];
  const observer = new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); });
  observer.observe({ type: 'longtask' });
  const messages = Array.from(document.querySelectorAll('div.adn'));
  const dates = Array.from(document.querySelectorAll('span.g3'));
  let mutations = 0;
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < 30; i++) {
      const date = dates[(round * 30 + i) % dates.length];
      if (date) date.textContent = ((round + i) % 12) + ':' + String(i).padStart(2, '0') + ' PM';
      const tip = document.createElement('div');
      tip.className = 'T-ays';
      tip.textContent = 'Tooltip';
      document.body.append(tip);
      tip.remove();
      messages[i % messages.length]?.classList.toggle('h7');
      mutations += 4;
    }
    if (round % 10 === 9) {
      // Gmail re-renders a message: a fresh node replaces it (our widget must come back, once).
      const k = round % messages.length;
      const fresh = messages[k].cloneNode(true);
      for (const w of fresh.querySelectorAll('[data-rr]')) w.remove();
      messages[k].replaceWith(fresh);
      messages[k] = fresh;
      mutations++;
    }
    await new Promise((r) => setTimeout(r, 16));
  }
  await new Promise((r) => setTimeout(r, 800));
  observer.disconnect();
  return { longTasks, mutations };
}`;
