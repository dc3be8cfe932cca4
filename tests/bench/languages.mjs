/**
 * The figures of `npm run bench` for issue 16: switching the interface language, and a cold start
 * served by the service worker with the network off against the same start online.
 */

export async function benchLanguages({ browser, base, record, median, ms, ratio, runs }) {
  const switches = { cold: [], warm: [], theme: [] };
  const languages = [
    ['lv', 'Pievienot posmu'],
    ['zh-Hans', '添加阶段'],
    ['ms', 'Tambah peringkat'],
    ['zh-Hant', '新增階段'],
  ];
  for (let i = 0; i < runs; i++) {
    const [code, addStage] = languages[i % languages.length];
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-US' });
    const page = await ctx.newPage();
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: 'Moving broadband — Priya' }).click();
    await page.getByRole('button', { name: 'Add stage' }).waitFor();
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('combobox', { name: 'Language' }).waitFor();
    // A person reads the list before choosing; Settings fetches the languages meanwhile.
    await page.waitForTimeout(500);
    const time = (label, value, text) =>
      page.evaluate(
        async ({ label, value, text }) => {
          const select = [...document.querySelectorAll('select')].find((s) => s.labels?.[0]?.textContent === label);
          const shown = () =>
            [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === text) ||
            document.documentElement.dataset.theme === text;
          const start = performance.now();
          select.value = value;
          select.dispatchEvent(new Event('change', { bubbles: true }));
          await new Promise((resolve) => {
            const check = () => (shown() ? resolve() : requestAnimationFrame(check));
            check();
          });
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          return performance.now() - start;
        },
        { label, value, text },
      );
    // Baseline: the same screen redrawn in another theme (styles only, no new words).
    switches.theme.push(await time('Theme', 'dark', 'dark'));
    // First switch: the catalogue is fetched; back to English, it is at hand.
    switches.cold.push(await time('Language', code, addStage));
    const back = await page.evaluate(
      (code) => [...document.querySelectorAll('select')].find((s) => s.value === code)?.labels?.[0]?.textContent,
      code,
    );
    switches.warm.push(await time(back, 'en', 'Add stage'));
    await ctx.close();
  }
  record(
    'Switching the language in Settings, the editor open (catalogue fetched)',
    ms(median(switches.cold)),
    `${ms(median(switches.theme))} theme switch; ${ratio(median(switches.cold), median(switches.theme))}`,
    '≤ 200 ms',
  );
  record(
    'Switching back to a language already loaded',
    ms(median(switches.warm)),
    `${ms(median(switches.theme))} theme switch; ${ratio(median(switches.warm), median(switches.theme))}`,
    '≤ 200 ms',
  );

  // Cold start with the network off, from the service worker's cache, against the same start online.
  const online = [];
  const offline = [];
  for (let i = 0; i < runs; i++) {
    const ctx = await browser.newContext();
    const first = await ctx.newPage();
    await first.goto(`${base}/`);
    await first.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 30_000 });
    await first.close();
    const start = async () => {
      const page = await ctx.newPage();
      await page.goto(`${base}/`);
      const handle = await page.waitForFunction(() => performance.getEntriesByName('jc:journeys-interactive').at(-1));
      const t = (await handle.jsonValue()).startTime;
      await page.close();
      return t;
    };
    online.push(await start());
    await ctx.setOffline(true);
    offline.push(await start());
    await ctx.close();
  }
  record(
    'Cold start offline (service worker cache), to interactive',
    ms(median(offline)),
    `${ms(median(online))} online; ${ratio(median(offline), median(online))}`,
    '≤ the online start (1.0x)',
  );
}
