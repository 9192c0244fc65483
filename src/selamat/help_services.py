"""The help services from data/help-services.yml as HTML: the full list and the compact "Get help now" box."""
from __future__ import annotations

import re
from urllib.parse import quote

from .data import HelpService
from .html import tag, text
from .render_context import Context

CATEGORY_ORDER = ("emergency", "support", "reporting", "image-removal", "mental-health")


def dial(number: str) -> str:
    """A number as a tel: or sms: link needs it: digits and a leading +."""
    return re.sub(r"[^\d+]", "", number)


def whatsapp_link(service: HelpService, lang: str) -> str:
    """A wa.me link that opens the chat with the service's neutral first message in the page's language,
    one that reveals nothing if someone reads it over the reader's shoulder."""
    link = f"https://wa.me/{dial(service.whatsapp or '').lstrip('+')}"
    return link + (f"?text={quote(service.whatsapp_message(lang))}" if service.whatsapp_message else "")


def contact_links(service: HelpService, ctx: Context) -> list[str]:
    links = []
    if service.phone:
        links.append(tag("a", f"{text(ctx.t('help.call'))} {text(service.phone)}", href=f"tel:{dial(service.phone)}"))
    if service.whatsapp:
        links.append(tag("a", f"{text(ctx.t('help.whatsapp'))} {text(service.whatsapp)}", href=whatsapp_link(service, ctx.lang)))
    if service.sms:
        links.append(tag("a", f"{text(ctx.t('help.sms'))} {text(service.sms)}", href=f"sms:{dial(service.sms)}"))
    if service.url:
        links.append(tag("a", text(ctx.t("help.website")), href=service.url))
    return links


def age_label(service: HelpService, ctx: Context) -> str:
    """"18 and over" / "Under 18" beside a service that is only for some ages."""
    if not service.ages:
        return ""
    return " " + tag("span", text(ctx.t(f"help.ages.{service.ages}")), class_="selamat-label selamat-label--ages")


def service_card(service: HelpService, ctx: Context) -> str:
    """One service on the help page. Its "last checked" date is quiet: doubt about a number is for editors
    (`selamat check`, `selamat review`), never printed beside an emergency line."""
    lang = ctx.lang
    parts = [tag("h3", text(service.name(lang)) + age_label(service, ctx), id=f"service-{service.id}")]
    parts.append(tag("p", text(service.description(lang))))
    links = contact_links(service, ctx)
    if links:
        parts.append(tag("p", " · ".join(links), class_="selamat-service__contact"))
    facts = []
    if service.hours:
        facts.append(f"{text(ctx.t('help.hours'))}: {text(service.hours(lang))}")
    if service.languages:
        names = ", ".join(ctx.language_name(code) for code in service.languages)
        facts.append(f"{text(ctx.t('help.languages'))}: {text(names)}")
    if facts:
        parts.append(tag("p", "<br>".join(facts), class_="selamat-service__facts"))
    source = tag("a", text(ctx.t("help.source")), href=service.source.url)
    checked = tag("time", text(ctx.date(service.verified)), datetime=service.verified.isoformat())
    parts.append(tag("p", f"{text(ctx.t('help.verified', date=chr(0))).replace(chr(0), checked)} · {source}",
                     class_="selamat-service__checked"))
    return tag("section", "".join(parts), class_="selamat-service")


def full_list(services: list[HelpService], ctx: Context) -> str:
    out = []
    for category in CATEGORY_ORDER:
        chosen = [s for s in services if s.category == category]
        if chosen:
            out.append(tag("h2", text(ctx.t(f"category.{category}")), id=category))
            out.extend(service_card(s, ctx) for s in chosen)
    return "\n".join(out)


def top_items(services: list[HelpService], ctx: Context) -> list[str]:
    """The services marked help_box, each as "<strong>name</strong> quickest two contacts": the items of
    the help box, the embeddable help card and the plain-HTML snippet partners copy."""
    return [f"{tag('strong', text(s.name(ctx.lang)))}{age_label(s, ctx)} {' · '.join(contact_links(s, ctx)[:2])}"
            for s in services if s.help_box]


def help_box(services: list[HelpService], ctx: Context) -> str:
    """A compact box: the few services marked help_box, each with its quickest contacts."""
    items = [tag("li", item) for item in top_items(services, ctx)]
    more = tag("a", text(ctx.t("help_box.more")), href=ctx.href("help/index.md", ctx.lang))
    body = tag("p", tag("strong", text(ctx.t("help_box.title"))), class_="selamat-help-box__title")
    body += tag("ul", "".join(items)) + tag("p", more)
    return tag("aside", body, class_="selamat-help-box", aria_label=ctx.t("help_box.title"), data_search_exclude=True)
