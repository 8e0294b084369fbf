"""The site's MkDocs hooks, one concern a module (mkdocs.yml lists them; tests import them).

- :mod:`hooks.checker_assets`: the checker page's context (asset URLs, the form's fields,
  words and config from :mod:`checker.web`) and the copy of Pyodide and the wheel.
- :mod:`hooks.rules_page`: rule tokens and the rules table, from :mod:`checker.rules` and
  :mod:`hooks.guide_facts` (the facts behind the FAQ's answers, kept out of the wheel).
- :mod:`hooks.search`: what the index holds: jieba's extra words, the index written as UTF-8.
- :mod:`hooks.search_lang`: how a page searches: one worker per language, its own pages only,
  English words in any form (the prelude ``docs/assets/javascripts/search_worker.js``).
- :mod:`hooks.not_found`: one ``404.html``, from the default language's build.
- :mod:`hooks.language_switch`: the i18n plugin's warning that language-switch.js answers.
- :mod:`hooks.csp`: the Content-Security-Policy. :mod:`hooks.offline`: the service worker.

MkDocs loads each listed file by path; ``scripts/setup`` puts the repository on the
environment's path (a ``.pth`` file) so that they, and the tests, import ``hooks.*`` alike.
Every word comes from :mod:`checker.messages`: the hooks only render.
"""
