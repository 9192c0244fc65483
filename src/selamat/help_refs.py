"""Help services cited by id in Markdown, so a number or an hour changes in one place (data/help-services.yml):

- `[[help:talian-kasih]]`: the service's name, its tap-to-call number(s) and its hours, in the page's language;
- `[[tel:emergency-999]]`: only the tap-to-call number, for a sentence that already names the service.

Also what `selamat check` needs: the references in a page, and the phone numbers typed in its prose."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Optional

from .data import HelpService
from .help_services import dial, whatsapp_link
from .html import tag, text
from .markdown_scan import INLINE_CODE, lines_outside_code
from .render_context import Context

REF = re.compile(r"\[\[\s*(help|tel)\s*:\s*([^\]\s]*)\s*\]\]")

# What a phone number looks like in Malaysian prose: a landline or mobile number (03-7627 2929, 019-261 5999,
# +60 19-261 5999), a 1-300 / 1-800 number, or a short code (999, 15999) right after a word like "call".
LONG_NUMBER = re.compile(r"(?<![\w+/.=&%-])(\+?6?0[- ]?\d{1,2}[- ]?\d{3,4}[- ]?\d{4}|1[- ]?[38]00[- ]?\d{2}[- ]?\d{4})(?![\w/%-])")
SHORT_NUMBER = re.compile(r"(?<![\w+/.,=&%-])(\d{3,5})(?![\w/%]|[.,]\d)")
# A short code counts as a phone number right after a word like "call" ("call 999", "Talian Kasih on 15999",
# "hubungi talian 15999"), with at most a name between ("Talian Kasih 15999"); "section 233" does not.
CALL_WORD = re.compile(r"\b(?i:call|calling|dial|phone|ring|text|sms|whatsapp|line|hotline|helpline|number|"
                       r"hubungi|telefon|talian|dail|nombor)[^\w\[\]]+(?:[A-Z][\w-]*[^\w\[\].]+){0,2}(?:on\W+|di\W+)?$")
DIGITS = re.compile(r"\d{3}")  # every number the patterns below find has three digits in a row
URL = re.compile(r"\]\([^)]*\)|<https?:[^>]*>|https?://\S+|\w+=\"[^\"]*\"")


def digits(number: str) -> str:
    """A number as its digits, in one form whatever way it is written: +60 19-261 5999 -> 0192615999."""
    only = re.sub(r"\D", "", number)
    if only.startswith("60") and len(only) >= 10:
        only = "0" + only[2:]
    return only


def _safe(value: str) -> str:
    """Text inside inline HTML in Markdown: escaped, and with Markdown's own marks made inert."""
    return text(value).translate({ord(c): f"&#{ord(c)};" for c in "*_`[]\\"})


def tel(service: HelpService) -> str:
    return tag("a", _safe(service.phone or ""), href=f"tel:{dial(service.phone or '')}", class_="selamat-tel")


def cite(service: HelpService, ctx: Context) -> str:
    """Name, numbers and hours, e.g. <strong>Talian Kasih</strong> (15999, WhatsApp +60 19-261 5999; 24 hours)."""
    lang = ctx.lang
    name = tag("strong", _safe(service.name(lang)))
    contacts = []
    if service.phone and digits(service.phone) in digits(service.name(lang)):
        name = tag("a", name, href=f"tel:{dial(service.phone)}", class_="selamat-tel")  # "Emergency 999"
    elif service.phone:
        contacts.append(tel(service))
    if service.whatsapp:
        contacts.append(tag("a", _safe(f"WhatsApp {service.whatsapp}"), href=whatsapp_link(service, ctx.lang)))
    if service.sms and service.sms != service.whatsapp:
        contacts.append(tag("a", _safe(f"SMS {service.sms}"), href=f"sms:{dial(service.sms)}"))
    if not (service.phone or service.whatsapp or service.sms) and service.url:
        name = tag("a", name, href=service.url)
    extra = ", ".join(contacts)
    if service.hours:
        extra += ("; " if extra else "") + _safe(service.hours(lang).rstrip(". "))  # inside brackets, mid-sentence
    return tag("span", name + (f" ({extra})" if extra else ""), class_="selamat-cite")


def expand(markdown: str, ctx: Context, hold: Callable[[str], str] | None = None) -> str:
    """Replace each known reference with its HTML, or with what `hold` gives for it (a token put back after
    the editor's HTML is sanitised); unknown ones are left for the check to report."""
    services = ctx.data.help_service
    hold = hold or (lambda html: html)

    def one(m: re.Match) -> str:
        service = services.get(m.group(2))
        if service is None or (m.group(1) == "tel" and not service.phone):
            return m.group(0)
        return hold(tel(service) if m.group(1) == "tel" else cite(service, ctx))
    return REF.sub(one, markdown) if "[[" in markdown else markdown


@dataclass(frozen=True)
class Ref:
    form: str  # help | tel
    id: str
    line: int


def refs(body: str, first_line: int = 1) -> list[Ref]:
    return [Ref(m.group(1), m.group(2), n) for n, line in lines_outside_code(body, first_line) if "[[" in line
            for m in REF.finditer(INLINE_CODE.sub("", line))]


@dataclass(frozen=True)
class TypedNumber:
    number: str  # as written
    line: int
    service: Optional[HelpService]  # the service it belongs to, when it is one of ours
    near: Optional[HelpService] = None  # a service whose number is one digit away (a typo?)


def known_numbers(services: Iterable[HelpService]) -> dict[str, HelpService]:
    """Every phone, WhatsApp and SMS number of the services, as its digits: the (first) service it is."""
    known: dict[str, HelpService] = {}
    for s in services:
        for number in (s.phone, s.whatsapp, s.sms):
            if number:
                known.setdefault(digits(number), s)
    return known


def typed_numbers(body: str, known: dict[str, HelpService], first_line: int = 1) -> Iterator[TypedNumber]:
    """Phone numbers written in the prose of a page (not in links, code or [[...]] references); `known`:
    the services' numbers (known_numbers), worked out once for every page."""
    for n, line in lines_outside_code(body, first_line):
        if not DIGITS.search(line):
            continue
        clean = line  # each pattern only on a line holding the text every match of it contains (same result)
        if "`" in clean:
            clean = INLINE_CODE.sub(" ", clean)
        if "[[" in clean:
            clean = REF.sub(" ", clean)
        if "](" in clean or "http" in clean or '="' in clean:
            clean = URL.sub(" ", clean)
        longs = list(LONG_NUMBER.finditer(clean))
        found: list[tuple[int, str]] = [(m.start(), m.group(1)) for m in longs]
        taken = [(m.start(), m.end()) for m in longs]
        for m in SHORT_NUMBER.finditer(clean):
            if any(a <= m.start() < b for a, b in taken):
                continue
            number = m.group(1)
            if digits(number) in known or CALL_WORD.search(clean[:m.start()][-40:]):
                found.append((m.start(), number))
        for _, number in sorted(found):
            d = digits(number)
            if len(d) < 3 or (len(d) == 4 and d.startswith(("19", "20")) and d not in known):
                continue  # a year after "in" or "on"
            yield TypedNumber(number, n, known.get(d), None if d in known else _near(d, known))


def _near(d: str, known: dict[str, HelpService]) -> Optional[HelpService]:
    for k, service in known.items():
        if len(k) == len(d) and sum(a != b for a, b in zip(k, d)) == 1:
            return service
        if abs(len(k) - len(d)) == 1 and len(k) >= 5:
            long, short = (k, d) if len(k) > len(d) else (d, k)
            if any(long[:i] + long[i + 1:] == short for i in range(len(long))):
                return service
    return None
