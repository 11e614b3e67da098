"""The Flask application: the form pages, the log page, the report download, and `serve`."""

from __future__ import annotations

import logging
import re
import secrets
import threading
import webbrowser
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable

from flask import Flask, Response, abort, g, redirect, render_template, request, url_for
from werkzeug.serving import make_server

from policycheck import api, logrun
from policycheck.errors import InputError, UsageError
from policycheck.loading.mapping import load_mapping
from policycheck.loading.packs import load_pack
from policycheck.messages import text
from policycheck.models.common import LANGUAGES, localize
from policycheck.models.events import EVENT_COLUMNS
from policycheck.models.mapping import DATE_FORMATS
from policycheck.models.pack import PolicyPack
from policycheck.models.report import Report, Status
from policycheck.reports.html import HtmlReporter
from policycheck.resources import data_dir
from policycheck.vocabulary import EVENT_TYPES
from policycheck.web import columns, form, planfile
from policycheck.web.security import Secrets, guard, secure_headers

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
UPLOADS = ".policycheck-uploads"
LOG_SUFFIXES = (".csv", ".tsv", ".txt")
ANCHOR = re.compile(r"q-[a-z0-9_.]+")  # the question a change saved from, to come back to it


@dataclass
class WebConfig:
    """What `serve` was started with; the log page may replace the log inputs with uploads."""

    policy: str
    plan: Path
    log: logrun.LogOptions = field(default_factory=logrun.LogOptions)

    @property
    def folder(self) -> Path:
        """The school's folder: the plan's, where uploads go and beyond which nothing is read or served."""
        return self.plan.resolve().parent


def plan_policy(plan: Path) -> str:
    """The pack a plan names (`policy:`), for `serve` without --policy."""
    data = planfile.read_data(plan, "", None) if plan.exists() else {}
    if not isinstance(data.get("policy"), str):
        raise UsageError(f"give --policy: {plan} does not exist or names no 'policy'")
    return data["policy"]


def known_mappings() -> dict[str, Path]:
    """The bundled column mappings of known systems (Aula, Transponder) by file stem."""
    folder = data_dir("examples/mappings")
    return {path.stem: path for path in sorted(folder.glob("*.yaml"))} if folder.is_dir() else {}


def mapping_names() -> dict[str, str]:
    """Each known mapping's own name (e.g. 'Transponder-eksport (meldingslogg og samtaler)') by file stem."""
    return {stem: load_mapping(path).name or stem for stem, path in known_mappings().items()}


def create_app(config: WebConfig, keys: Secrets | None = None) -> Flask:
    app = Flask(__name__, static_folder=None)  # no route serves files
    app.config["MAX_CONTENT_LENGTH"] = MAX_UPLOAD_BYTES
    keys = keys or Secrets()
    pack = load_pack(config.policy)
    site = Site(config, pack)
    app.extensions["policycheck"] = site

    @app.before_request
    def _guard() -> Any:
        g.nonce = secrets.token_urlsafe(16)
        return guard(request, keys)

    @app.after_request
    def _headers(response: Response) -> Response:
        return secure_headers(response, getattr(g, "nonce", ""))

    @app.context_processor
    def _helpers() -> dict:
        lang = site.language()
        return {"t": lambda key, **params: text(key, lang, **params), "lang": lang, "languages": LANGUAGES,
                "csrf": keys.csrf, "nonce": g.nonce, "pages": site.pages, "pack": pack,
                "localize": lambda value: localize(value, lang) if value else "", "editable": form.editable}

    @app.errorhandler(InputError)
    def _unreadable(error: InputError) -> tuple[str, int]:
        """A plan file that cannot be read (a YAML error, say): its problems, file:line:column, and no form."""
        lines = [text("web.fix_the_file", site.language()), *str(error).splitlines()]
        return render_template("base.html", problems=lines, report=None, name=None), 422

    app.add_url_rule("/", "home", lambda: redirect(url_for("page", name=form.SCHOOL_PAGE)))
    app.add_url_rule("/page/<name>", "page", site.page, methods=["GET", "POST"])
    app.add_url_rule("/attestations", "attestations", site.attestations, methods=["GET", "POST"])
    app.add_url_rule("/log", "log", site.log, methods=["GET", "POST"])
    app.add_url_rule("/log/columns", "columns", site.columns, methods=["GET", "POST"])
    app.add_url_rule("/report.html", "report", site.report_download)
    return app


class Site:
    """The pages, over one pack and one plan file."""

    def __init__(self, config: WebConfig, pack: PolicyPack) -> None:
        self.config = config
        self.pack = pack
        self.saving = threading.Lock()  # one read-change-write of the plan at a time (the server is threaded)
        self.pages = form.pages(pack)
        self.rules_by_path = form.rules_by_path(pack)

    def language(self) -> str:
        asked = request.args.get("lang") or request.cookies.get("lang")
        return asked if asked in LANGUAGES else self.pack.meta.language

    def data(self) -> dict:
        return planfile.read_data(self.config.plan, self.pack.meta.id, self.pack.meta.jurisdiction.municipality)

    def check(self, language: str) -> tuple[Report | None, list[str]]:
        """The report on the plan as saved, by the real engine, or the problems that stop it."""
        if not self.config.plan.exists():
            return None, [text("web.not_saved", language)]
        log = replace(self.config.log, skip_bad_rows=True)
        request_ = api.CheckRequest(self.config.policy, self.config.plan, language=language, log=log)
        try:
            return api.check_with_pack(self.pack, request_), []
        except (InputError, UsageError) as error:
            return None, str(error).splitlines()

    def page(self, name: str) -> Any:
        page = self._page(name)
        lang = self.language()
        if request.method == "POST":
            if page is None:
                self._change(lambda data: form.apply_school(data, request.form))
            else:
                self._change(lambda data: form.apply_page(data, page, request.form, self.pack.meta.language))
            at = request.form.get("at", "")
            return redirect(url_for("page", name=name, saved=1, _anchor=at if ANCHOR.fullmatch(at) else None))
        report, problems = self.check(lang)
        data = self.data()
        return self._render("page.html", lang, name=name, page=page, data=data, problems=problems, report=report,
                            questions=self._questions(page, data, report, lang) if page else [],
                            saved=bool(request.args.get("saved")))

    def _change(self, apply: Callable[[dict], None]) -> None:
        """Read the plan, apply the posted answers, save it: one request at a time."""
        with self.saving:
            data = self.data()
            apply(data)
            planfile.save(self.config.plan, data)

    def _page(self, name: str) -> form.Page | None:
        if name == form.SCHOOL_PAGE:
            return None
        if not name.isdigit() or not 1 <= int(name) <= len(self.pages):
            abort(404)
        return self.pages[int(name) - 1]

    def _questions(self, page: form.Page, data: dict, report: Report | None, lang: str) -> list[dict]:
        shown = form.shown_answers(self.pack, data)
        findings = {finding.rule_id: finding for finding in report.findings} if report else {}
        views = []
        for question in page.questions:
            verdicts = [findings[rule] for rule in self.rules_by_path.get(question.path, []) if rule in findings]
            value = planfile.get(shown, question.path)
            views.append({"q": question, "value": form.widget_value(value),
                          "editable": form.editable(question.type, form.widget_value(value)),
                          "choices": form.choices(self.pack, question.vocabulary, lang),
                          "open": question.vocabulary is not None and self.pack.vocabularies[question.vocabulary].open,
                          "fields": {name: form.choices(self.pack, f.vocabulary, lang) for name, f in (question.fields or {}).items()},
                          "verdicts": verdicts,
                          "skipped": bool(verdicts) and all(v.status is Status.not_applicable for v in verdicts)})
        return views

    def attestations(self) -> Any:
        """The rules met by a dated statement: who attests what, and when."""
        lang = self.language()
        if request.method == "POST":
            self._change(lambda data: form.apply_attestations(data, request.form))
            return redirect(url_for("attestations", saved=1))
        report, problems = self.check(lang)
        findings = {finding.rule_id: finding for finding in report.findings} if report else {}
        return self._render("attestations.html", lang, report=report, problems=problems, findings=findings,
                            rules=form.attested_rules(self.pack), values=form.attestation_values(self.data()),
                            saved=bool(request.args.get("saved")))

    def log(self) -> Any:
        lang = self.language()
        if request.method == "POST":
            self._take_uploads()
            return redirect(url_for("log"))
        report, problems = self.check(lang)
        log_rules = {rule.id for rule in self.pack.rules if rule.check.reads_log()}
        findings = [finding for finding in report.findings if finding.rule_id in log_rules] if report else []
        return self._render("log.html", lang, report=report, problems=problems, findings=findings,
                            options=self.config.log, mappings=mapping_names())

    def _take_uploads(self) -> None:
        """Keep uploaded files in the uploads folder inside the school's folder, under names of our own."""
        uploads = self.config.folder / UPLOADS
        options = self.config.log
        logs = [file for file in request.files.getlist("log") if file.filename]
        if logs:
            uploads.mkdir(exist_ok=True)
            paths = []
            for index, file in enumerate(logs):
                suffix = Path(file.filename).suffix.lower()
                path = uploads / f"log-{index + 1}{suffix if suffix in LOG_SUFFIXES else '.csv'}"
                file.save(path)
                paths.append(path)
            options = replace(options, logs=tuple(paths))
        roster = request.files.get("roster")
        if roster is not None and roster.filename:
            uploads.mkdir(exist_ok=True)
            roster.save(uploads / "roster.yaml")
            options = replace(options, roster=uploads / "roster.yaml")
        mapping = request.form.get("mapping", "")
        mappings = known_mappings()
        if mapping == "":
            options = replace(options, mapping=None)
        elif mapping in mappings:
            options = replace(options, mapping=mappings[mapping])
        self.config.log = options

    def columns(self) -> Any:
        """Map an export of the school's own system: its columns, then the values of its type column."""
        options = self.config.log
        if not options.logs:
            return redirect(url_for("log"))
        lang = self.language()
        current = load_mapping(options.mapping) if options.mapping else None
        header, _ = columns.read_export(options.logs[0], None)
        chosen = current.columns if current and current.columns else columns.guessed_columns(header)
        header, values = columns.read_export(options.logs[0], chosen.get("type"))
        if request.method == "POST":
            mapping = columns.mapping_from_form(request.form.to_dict(), header, values)
            path = self.config.folder / UPLOADS / "mapping.yaml"
            columns.write_mapping(mapping, path)
            self.config.log = replace(options, mapping=path)
            return redirect(url_for("columns", saved=1))
        types = {value: (current.types.get(value) if current else None) or columns.guessed_type(value)
                 for value in values}
        return self._render("columns.html", lang, header=header, chosen=chosen, values=values, types=types,
                            missing=columns.missing_required(current) if current else [],
                            saved=bool(request.args.get("saved")), date_format=current.date_format if current else None,
                            columns_wanted=EVENT_COLUMNS, date_formats=list(DATE_FORMATS), event_types=list(EVENT_TYPES))

    def report_download(self) -> Any:
        report, problems = self.check(self.language())
        if report is None:
            abort(409, "; ".join(problems))
        name = f"{self.config.plan.stem}-report.html"
        return Response(HtmlReporter().render(report), mimetype="text/html",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})

    def _render(self, template: str, lang: str, **context: Any) -> Response:
        response = Response(render_template(template, **context))
        if request.args.get("lang") in LANGUAGES:
            response.set_cookie("lang", lang, httponly=True, samesite="Strict")
        return response


def serve(config: WebConfig, port: int = 0, open_browser: bool = True,
          announce: Callable[[str], None] = print) -> None:
    """Run the app on 127.0.0.1 until Ctrl-C, printing (and opening) the URL with its token."""
    keys = Secrets()
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no access log: its first line would repeat the token
    server = make_server("127.0.0.1", port, create_app(config, keys), threaded=True)
    url = f"http://127.0.0.1:{server.server_port}/?token={keys.token}"
    announce(url)
    if open_browser:
        threading.Timer(0.5, webbrowser.open, args=(url,)).start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()

