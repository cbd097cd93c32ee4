// winnow web page. Plain JS against the /v1/extract API. Every string that
// comes from a page is put into the DOM as text (textContent, text nodes),
// never as markup.
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);

  // state of the last extraction: the input it was made from, the article
  // (JSON), and the Markdown, fetched the first time that view is opened.
  const state = { input: null, article: null, markdown: null, view: 'article' };

  // el builds an element; children are nodes or strings (added as text).
  function el(tag, cls, ...children) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    for (const c of children) {
      if (c === null || c === undefined || c === '') continue;
      e.append(typeof c === 'string' ? document.createTextNode(c) : c);
    }
    return e;
  }

  function setStatus(msg, isError) {
    const s = $('status');
    s.textContent = msg;
    s.classList.toggle('error', !!isError);
  }

  function readInput() {
    return { url: $('url').value.trim(), html: $('html').value };
  }

  // callAPI asks the server for the input in one format.
  async function callAPI(input, format) {
    const q = new URLSearchParams({ format: format, explain: '1' });
    let resp;
    if (input.html.trim() !== '') {
      resp = await fetch('/v1/extract?' + q, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ html: input.html, url: input.url }),
      });
    } else if (input.url !== '') {
      q.set('url', input.url);
      resp = await fetch('/v1/extract?' + q);
    } else {
      throw new Error('Paste a page URL or its HTML first.');
    }
    if (!resp.ok) {
      let msg = 'HTTP ' + resp.status;
      try {
        const j = await resp.json();
        if (j && j.error) msg = j.error.message + ' (' + j.error.code + ')';
      } catch (_) { /* not JSON: keep the status */ }
      throw new Error(msg);
    }
    return format === 'json' ? resp.json() : resp.text();
  }

  async function extract() {
    const input = readInput();
    const button = $('extract');
    button.disabled = true;
    setStatus('Extracting…');
    try {
      const a = await callAPI(input, 'json');
      state.input = input;
      state.article = a;
      state.markdown = null;
      renderRemoved(a.removed || []);
      $('results').hidden = false;
      await show(state.view);
      const words = (a.text || '').split(/\s+/).filter(Boolean).length;
      const kind = a.page_type ? ' (' + a.page_type + ' page)' : '';
      setStatus(a.status === 'ok'
        ? 'Done' + kind + ': ' + words + ' words kept, ' + (a.removed || []).length + ' pieces removed.'
        : 'No main content on this page: ' + a.status.replace('_', ' ') + '.', a.status !== 'ok');
    } catch (err) {
      setStatus(err.message, true);
    } finally {
      button.disabled = false;
    }
  }

  // ---- views ----

  function renderArticle(a) {
    const root = el('article', 'article');
    if (a.status && a.status !== 'ok') {
      root.append(el('p', 'badge warn', 'Status: ' + a.status));
    }
    root.append(el('h2', 'title', a.title || '(untitled)'));
    if (a.subtitle) root.append(el('p', 'subtitle', a.subtitle));
    const meta = [];
    if (a.authors && a.authors.length) meta.push('By ' + a.authors.join(', '));
    if (a.published) meta.push(a.published.slice(0, 10));
    if (a.site_name) meta.push(a.site_name);
    if (a.language) meta.push(a.language);
    if (meta.length) root.append(el('p', 'meta', meta.join(' · ')));
    for (const b of a.blocks || []) {
      const node = renderBlock(b);
      if (node) root.append(node);
    }
    if (!a.blocks || a.blocks.length === 0) root.append(el('p', 'empty', 'No body text was kept.'));
    return root;
  }

  function renderBlock(b) {
    switch (b.type) {
      case 'heading': {
        const level = Math.min(6, Math.max(3, (b.level || 2) + 1));
        return el('h' + level, null, b.text || '');
      }
      case 'paragraph':
        return el('p', null, b.text || '');
      case 'list': {
        const list = el(b.ordered ? 'ol' : 'ul');
        for (const it of b.items || []) list.append(el('li', null, it));
        return list;
      }
      case 'quote':
        return el('blockquote', null, b.text || '');
      case 'code':
        return el('pre', 'code', el('code', null, b.text || ''));
      case 'table': {
        const t = el('table');
        (b.rows || []).forEach((row, i) => {
          const tr = el('tr');
          for (const cell of row) tr.append(el(i === 0 ? 'th' : 'td', null, cell));
          t.append(tr);
        });
        return el('div', 'table-wrap', t);
      }
      case 'figure': {
        // Images are not loaded (the page's own CSP allows none from other
        // sites); the figure shows as its text.
        const parts = [];
        if (b.caption) parts.push(b.caption);
        else if (b.alt) parts.push(b.alt);
        if (b.credit) parts.push('(' + b.credit + ')');
        const fig = el('figure', 'figure', el('span', 'figure-mark', 'Figure'));
        fig.append(el('figcaption', null, parts.join(' ') || b.src || ''));
        return fig;
      }
    }
    return b.text ? el('p', null, b.text) : null;
  }

  function renderRemoved(removed) {
    const list = $('removed');
    list.replaceChildren();
    const counts = new Map();
    for (const r of removed) {
      counts.set(r.reason, (counts.get(r.reason) || 0) + 1);
      const text = r.text.length > 280 ? r.text.slice(0, 280) + '…' : r.text;
      const li = el('li', null, el('span', 'reason reason-' + r.reason.replace(/[^a-z-]/g, ''), r.reason), el('span', 'rtext', text));
      if (text !== r.text) li.title = r.text;
      list.append(li);
    }
    const summary = [...counts.entries()].sort((x, y) => y[1] - x[1]).map(([k, v]) => k + ' ' + v).join(', ');
    $('removed-summary').textContent = removed.length === 0
      ? 'Nothing was removed.'
      : removed.length + ' pieces: ' + summary + '.';
  }

  // viewText is what Copy and Download take from the current view.
  function viewText(view) {
    const a = state.article;
    if (!a) return '';
    if (view === 'markdown') return state.markdown || '';
    if (view === 'json') return JSON.stringify(a, null, 2) + '\n';
    return (a.title ? a.title + '\n\n' : '') + (a.text || '') + '\n';
  }

  async function show(view) {
    state.view = view;
    for (const tab of document.querySelectorAll('[role=tab]')) {
      const on = tab.dataset.view === view;
      tab.setAttribute('aria-selected', on ? 'true' : 'false');
      tab.tabIndex = on ? 0 : -1;
      if (on) $('view').setAttribute('aria-labelledby', tab.id);
    }
    const panel = $('view');
    if (!state.article) return;
    if (view === 'article') {
      panel.replaceChildren(renderArticle(state.article));
    } else if (view === 'json') {
      panel.replaceChildren(el('pre', 'source', viewText('json')));
    } else {
      if (state.markdown === null) {
        panel.replaceChildren(el('p', 'empty', 'Loading…'));
        try {
          state.markdown = await callAPI(state.input, 'markdown');
        } catch (err) {
          panel.replaceChildren(el('p', 'empty error', err.message));
          return;
        }
      }
      if (state.view === 'markdown') panel.replaceChildren(el('pre', 'source', state.markdown));
    }
  }

  // ---- events ----

  $('input').addEventListener('submit', (e) => {
    e.preventDefault();
    extract();
  });
  $('input').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      extract();
    }
  });
  $('clear').addEventListener('click', () => {
    $('url').value = '';
    $('html').value = '';
    setStatus('');
    $('url').focus();
  });

  const tabs = [...document.querySelectorAll('[role=tab]')];
  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => show(tab.dataset.view));
    tab.addEventListener('keydown', (e) => {
      let j = -1;
      if (e.key === 'ArrowRight') j = (i + 1) % tabs.length;
      if (e.key === 'ArrowLeft') j = (i + tabs.length - 1) % tabs.length;
      if (e.key === 'Home') j = 0;
      if (e.key === 'End') j = tabs.length - 1;
      if (j >= 0) {
        e.preventDefault();
        tabs[j].focus();
        show(tabs[j].dataset.view);
      }
    });
  });

  $('copy').addEventListener('click', async () => {
    const text = viewText(state.view);
    try {
      await navigator.clipboard.writeText(text);
      setStatus('Copied the ' + state.view + ' view.');
    } catch (_) {
      // No clipboard permission (plain http on another host): select the
      // text so the user can copy it by hand.
      const range = document.createRange();
      range.selectNodeContents($('view'));
      const sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      setStatus('Selected the text; press Ctrl+C to copy.');
    }
  });

  const extensions = { article: ['txt', 'text/plain'], markdown: ['md', 'text/markdown'], json: ['json', 'application/json'] };
  $('download').addEventListener('click', () => {
    const [ext, type] = extensions[state.view];
    const blob = new Blob([viewText(state.view)], { type: type + ';charset=utf-8' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'article.' + ext;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  });
})();
