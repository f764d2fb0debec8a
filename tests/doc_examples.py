"""The commands the README and the site's hand-written pages show, read from their Markdown.

An *example* is a line of a fenced block without a language (or ``sh``, ``bash``,
``shell``, ``console``) — every line of such a block is a command; tag a block ``text``
when it is not — or an inline code span that starts with a program this project runs
(``duizhao``, ``make``, ``mkdocs``, ``.ci/run``, optionally after ``VAR=value``). A lone
program name in prose (`duizhao`) names it and is not an example.

A *synopsis* shows a command's shape rather than a command: ``[optional]``,
``a|b`` alternatives, ``…``, or an upper-case placeholder (``DOC``, ``SOURCE.txt``).
``<doc-id>``-style placeholders are filled in from :data:`PLACEHOLDERS` instead.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass
from pathlib import Path

SHELL_FENCES = {"", "sh", "bash", "shell", "console"}
PROGRAM = re.compile(r"^(?:[A-Z][A-Z0-9_]*=\S*\s+)*(duizhao|make|mkdocs|\.ci/run)(?:\s|$)")
FENCE = re.compile(r"^\s*(```|~~~)\s*([\w-]*)")
INLINE = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
COMMENT = re.compile(r"(?:^|\s)#(?:\s|$).*$")
SYNOPSIS = re.compile(r"\[|\||…|\.\.\.|(?:^|\s)[A-Z][A-Z0-9-]*(?:\.[a-z]+)?(?=\s|$)")
# what a reader is expected to put in place of an <angle-bracket> placeholder
PLACEHOLDERS = {"<doc-id>": "jian-news-2019-12"}


@dataclass(frozen=True)
class Example:
    page: str      # path relative to the repository
    line: int
    section: str   # the heading above it
    command: str   # comment removed, whitespace collapsed, placeholders filled in
    inline: bool

    @property
    def program(self) -> str | None:
        m = PROGRAM.match(self.command)
        return m.group(1) if m else None

    @property
    def synopsis(self) -> bool:
        return bool(SYNOPSIS.search(" ".join(w for w in self.command.split() if "=" not in w)))

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: `{self.command}`"


def pages(root: Path) -> list[Path]:
    return [root / "README.md", *sorted((root / "site").rglob("*.md"))]


def _clean(text: str) -> str:
    text = " ".join(COMMENT.sub("", text).split())
    for placeholder, value in PLACEHOLDERS.items():
        text = text.replace(placeholder, value)
    return text


def examples(root: Path) -> list[Example]:
    """Every example of every page, in page order."""
    found = []
    for path in pages(root):
        page, section, fence = path.relative_to(root).as_posix(), "", None
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            m = FENCE.match(line)
            if m:
                fence = None if fence is not None else m.group(2).lower()
                continue
            if fence is not None:
                command = _clean(line)
                if fence in SHELL_FENCES and command:
                    found.append(Example(page, number, section, command, False))
                continue
            if line.startswith("#"):
                section = line.lstrip("#").strip()
            for span in INLINE.findall(line):
                command = _clean(span)
                if PROGRAM.match(command) and (len(command.split()) > 1 or command == ".ci/run"):
                    found.append(Example(page, number, section, command, True))
    return found


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    return next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices


def _placeholder(word: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Z0-9-]*(\.[a-z]+)?[…]?|\.\.\.|…|[A-Z]+\.\.\.", word))


def synopsis_problems(command: str, parser: argparse.ArgumentParser) -> list[str]:
    """What a ``duizhao`` synopsis shows that the command line does not have: an unknown
    subcommand or option, or a value its choices do not include."""
    words = command.replace("[", " ").replace("]", " ").split()
    sub = subcommands(parser).get(words[1]) if len(words) > 1 else None
    if sub is None:
        return [f"no subcommand {words[1:2]}"]
    options = sub._option_string_actions
    positionals = [a for a in sub._actions if not a.option_strings]
    problems, i = [], 2
    while i < len(words):
        word = words[i]
        if word.startswith("-"):
            action = None
            for name in word.split("/"):  # --select/--ignore
                action = options.get(name)
                if action is None:
                    problems.append(f"duizhao {words[1]} has no option {name}")
            takes_value = action is not None and action.nargs != 0
            if takes_value and i + 1 < len(words) and not words[i + 1].startswith("-"):
                i += 1
                if action.choices and not _placeholder(words[i]):
                    problems += [f"{name}: {v!r} is not one of {sorted(action.choices)}"
                                 for v in words[i].split("|") if v not in action.choices]
        elif not _placeholder(word) and positionals:
            action = positionals.pop(0)
            if action.choices:
                problems += [f"{action.dest}: {v!r} is not one of {sorted(action.choices)}"
                             for v in word.split("|") if v not in action.choices]
        elif positionals and _placeholder(word) and positionals[0].nargs not in ("*", "+"):
            positionals.pop(0)
        i += 1
    return problems
