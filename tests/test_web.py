"""`policycheck serve` over Flask's test client: the guards (token, CSRF, origin, host, upload size), the form
generated from the pack, saving the plan the CLI reads, and the log page."""

from __future__ import annotations

import http.cookiejar
import os
import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml

from policycheck import api
from policycheck.loading.packs import load_pack
from policycheck.logrun import LogOptions
from policycheck.messages import catalogue
from policycheck.web import form, planfile
from policycheck.web.app import MAX_UPLOAD_BYTES, UPLOADS, WebConfig, create_app
from policycheck.web.security import COOKIE, Secrets

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "tromso-fjellvegen"
ORIGIN = "http://localhost"  # the test client's host


@pytest.fixture
def school(tmp_path: Path) -> Path:
    shutil.copy(EXAMPLE / "plan.yaml", tmp_path / "plan.yaml")
    return tmp_path


@pytest.fixture
def keys() -> Secrets:
    return Secrets()


@pytest.fixture
def app(school: Path, keys: Secrets):
    return create_app(WebConfig("tromso", school / "plan.yaml"), keys)


@pytest.fixture
def client(app, keys: Secrets):
    client = app.test_client()
    assert client.get(f"/?token={keys.token}").status_code == 302
    return client


def page_number(section: str) -> int:
    return 1 + [page.section for page in form.pages(load_pack("tromso"))].index(section)


def post(client, url: str, keys: Secrets, data: dict, **headers):
    return client.post(url, data={"csrf": keys.csrf, **data}, headers={"Origin": ORIGIN, **headers})


def test_without_the_token_every_request_is_refused(app, keys):
    anonymous = app.test_client()
    assert anonymous.get("/page/school").status_code == 403
    assert anonymous.get("/?token=wrong").status_code == 403
    anonymous.set_cookie(f"{COOKIE}_80", "wrong")
    assert anonymous.get("/page/school").status_code == 403


def test_the_token_in_the_url_becomes_a_strict_httponly_cookie_named_for_the_port(app, keys):
    response = app.test_client().get(f"/page/2?token={keys.token}&lang=en")
    cookie = response.headers["Set-Cookie"]
    assert response.status_code == 302 and response.headers["Location"] == "/page/2?lang=en"
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and cookie.startswith(f"{COOKIE}_80=")
    elsewhere = app.test_client()
    elsewhere.get(f"/?token={keys.token}", headers={"Host": "127.0.0.1:9999"})
    assert elsewhere.get("/page/school", headers={"Host": "127.0.0.1:9999"}).status_code == 200
    assert elsewhere.get("/page/school", headers={"Host": "127.0.0.1:9998"}).status_code == 403  # another server's cookie


def test_a_post_needs_the_csrf_token_and_this_origin(client, keys, school):
    before = (school / "plan.yaml").read_text(encoding="utf-8")
    data = {"school.name": "Ny skole"}
    assert client.post("/page/school", data=data, headers={"Origin": ORIGIN}).status_code == 403
    assert post(client, "/page/school", keys, data, Origin="http://evil.example").status_code == 403
    assert client.post("/page/school", data={"csrf": keys.csrf, **data}).status_code == 403  # neither Origin nor Referer
    assert client.post("/page/school", data={"csrf": keys.csrf, **data},
                       headers={"Referer": "http://evil.example/page"}).status_code == 403
    assert (school / "plan.yaml").read_text(encoding="utf-8") == before
    assert client.post("/page/school", data={"csrf": keys.csrf, **data},
                       headers={"Referer": f"{ORIGIN}/page/school"}).status_code == 302


def test_a_foreign_host_name_is_refused(client):
    assert client.get("/page/school", headers={"Host": "attacker.example"}).status_code == 403


def test_pages_carry_a_strict_content_security_policy(client):
    policy = client.get("/page/school").headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy and "'unsafe-inline'" not in policy


def test_an_upload_over_the_limit_is_refused(client, keys):
    big = b"x" * (MAX_UPLOAD_BYTES + 1)
    response = client.post("/log", data={"csrf": keys.csrf, "log": (__import__("io").BytesIO(big), "log.csv")},
                           headers={"Origin": ORIGIN}, content_type="multipart/form-data")
    assert response.status_code == 413


def test_an_uploaded_file_name_cannot_leave_the_schools_folder(client, keys, school):
    upload = {"csrf": keys.csrf, "log": ((EXAMPLE / "log.csv").open("rb"), "../../outside.csv"),
              "roster": ((EXAMPLE / "roster.yaml").open("rb"), "../../../etc/roster.yaml")}
    assert client.post("/log", data=upload, headers={"Origin": ORIGIN}, content_type="multipart/form-data").status_code == 302
    written = sorted(path.relative_to(school) for path in school.rglob("*") if path.is_file())
    assert written == [Path(UPLOADS) / "log-1.csv", Path(UPLOADS) / "roster.yaml", Path("plan.yaml")]


def test_no_route_serves_a_file(client):
    assert client.get("/page/../../etc/passwd").status_code == 404
    assert client.get("/static/../plan.yaml").status_code == 404
    assert client.get("/page/99").status_code == 404


def test_a_school_name_with_markup_stays_text(client, keys):
    post(client, "/page/school", keys, {"school.name": "<script>alert(1)</script>", "school.municipality": "Tromsø",
                                        "school_year": "2025-2026"})
    page = client.get("/page/school").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_one_page_per_section_in_the_documents_order():
    pack = load_pack("tromso")
    sections = [page.section for page in form.pages(pack)]
    assert sections == list(dict.fromkeys(question.source.section for question in pack.questions))
    assert sections[:3] == ["Forord", "1", "2.1"] and sections.index("3.2") < sections.index("3.10")


def test_a_page_shows_each_question_by_type_with_its_source_and_verdicts(client):
    page = client.get(f"/page/{page_number('3.3')}?lang=nb").get_data(as_text=True)
    assert 'name="utviklingssamtaler.per_skolear"' in page and 'type="number"' in page
    assert 'data-rule="tro-utviklingssamtale-to-ganger" data-status="fail"' in page
    assert "§ 3.3 Utviklingssamtaler</h2>" in page and "<blockquote" in page  # the heading from the source document


def test_saving_a_section_turns_a_gap_met_and_the_cli_agrees(client, keys, school):
    number = page_number("3.3")
    assert post(client, f"/page/{number}", keys, {"shown": "utviklingssamtaler.per_skolear",
                                                   "utviklingssamtaler.per_skolear": "2"}).status_code == 302
    page = client.get(f"/page/{number}").get_data(as_text=True)
    assert 'data-rule="tro-utviklingssamtale-to-ganger" data-status="pass"' in page
    report = api.run_check(api.CheckRequest("tromso", school / "plan.yaml"))
    shown = dict(re.findall(r'class="verdict" data-rule="([^"]+)" data-status="([^"]+)"', page))
    assert shown == {finding.rule_id: finding.status.value for finding in report.findings if finding.rule_id in shown}


def test_a_save_keeps_the_persons_order_and_the_keys_the_form_does_not_know(client, keys, school):
    before = yaml.safe_load((school / "plan.yaml").read_text(encoding="utf-8"))
    before["egne_notater"] = {"b": 1, "a": 2}
    (school / "plan.yaml").write_text(yaml.safe_dump(before, allow_unicode=True, sort_keys=False), encoding="utf-8")
    post(client, f"/page/{page_number('3.3')}", keys, {"shown": "utviklingssamtaler.per_skolear",
                                                       "utviklingssamtaler.per_skolear": "2"})
    after = yaml.safe_load((school / "plan.yaml").read_text(encoding="utf-8"))
    assert list(after) == list(before) and after["egne_notater"] == {"b": 1, "a": 2}
    assert after["utviklingssamtaler"]["per_skolear"] == 2
    assert list(after["utviklingssamtaler"]) == list(before["utviklingssamtaler"])


def test_an_answer_cleared_becomes_todo_and_an_unshown_question_is_left_alone(client, keys, school):
    number = page_number("3.3")
    before = yaml.safe_load((school / "plan.yaml").read_text(encoding="utf-8"))
    post(client, f"/page/{number}", keys, {"shown": "utviklingssamtaler.per_skolear"})
    after = yaml.safe_load((school / "plan.yaml").read_text(encoding="utf-8"))
    assert after["utviklingssamtaler"]["per_skolear"] == "TODO"
    assert {k: v for k, v in after["utviklingssamtaler"].items() if k != "per_skolear"} == \
        {k: v for k, v in before["utviklingssamtaler"].items() if k != "per_skolear"}


def test_list_or_none_says_none_in_the_packs_language(client, keys, school):
    question = next(q for q in load_pack("tromso").questions if q.type == "list-or-none")
    number = 1 + [page.section for page in form.pages(load_pack("tromso"))].index(question.source.section)
    post(client, f"/page/{number}", keys, {"shown": question.path, f"{question.path}.none": "1"})
    data = yaml.safe_load((school / "plan.yaml").read_text(encoding="utf-8"))
    node = data
    for part in question.path.split("."):
        node = node[part]
    assert node == "ingen"


def test_records_are_rows_and_an_empty_row_is_dropped(client, keys, school):
    (school / "plan.yaml").write_text("kind: skole-hjem-plan\npolicy: tromso\nschool: {name: Nyskolen}\n", encoding="utf-8")
    pack = load_pack("tromso")
    question = next(q for q in pack.questions if q.type == "records")
    number = 1 + [page.section for page in form.pages(pack)].index(question.source.section)
    first, *_ = question.fields
    post(client, f"/page/{number}", keys, {"shown": question.path, f"{question.path}.rows": "2",
                                           f"{question.path}.0.{first}": "Noe", f"{question.path}.1.{first}": ""})
    node = yaml.safe_load((school / "plan.yaml").read_text(encoding="utf-8"))
    for part in question.path.split("."):
        node = node[part]
    assert node == [{first: "Noe"}]


def test_a_new_plan_is_made_on_the_first_save(tmp_path, keys):
    client = create_app(WebConfig("vest", tmp_path / "plan.yaml"), keys).test_client()
    client.get(f"/?token={keys.token}")
    page = client.get("/page/school").get_data(as_text=True)
    assert "Skolens navn" in page and 'class="notice problem"' in page  # da, and "not saved yet"
    post(client, "/page/school", keys, {"school.name": "Engskolen", "school_year": "2025-2026",
                                        "school.grades.min": "0", "school.grades.max": "9"})
    saved = yaml.safe_load((tmp_path / "plan.yaml").read_text(encoding="utf-8"))
    assert saved["policy"] == "vest" and saved["school"]["name"] == "Engskolen"
    assert saved["school"]["grades"] == {"min": 0, "max": 9}
    assert api.run_check(api.CheckRequest("vest", tmp_path / "plan.yaml")).summary.total > 0


def test_questions_for_grades_the_school_lacks_are_skipped(keys, school):
    pack = load_pack("vest")
    graded = [rule for rule in pack.rules if rule.applies_to and rule.applies_to.grades]
    assert graded, "the vest pack has grade-bound rules"
    plan = {"kind": "skole-hjem-plan", "policy": "vest", "school": {"name": "X", "grades": {"min": 7, "max": 9}}}
    (school / "plan.yaml").write_text(yaml.safe_dump(plan), encoding="utf-8")
    vest = create_app(WebConfig("vest", school / "plan.yaml"), keys).test_client()
    vest.get(f"/?token={keys.token}")
    pages = "".join(vest.get(f"/page/{n}").get_data(as_text=True) for n in range(1, len(form.pages(pack)) + 1))
    assert 'class="question skipped"' in pages


def test_the_language_is_switchable(client):
    assert "Lagre" in client.get("/page/school?lang=nb").get_data(as_text=True)
    assert "Save" in client.get("/page/school?lang=en").get_data(as_text=True)
    assert "Save" in client.get("/page/school").get_data(as_text=True)  # kept in a cookie
    assert "Gem" in client.get("/page/school?lang=da").get_data(as_text=True)


def test_every_web_key_is_in_all_three_catalogues():
    keys = {lang: {key for key in catalogue(lang).entries if key.startswith("web.")} for lang in ("en", "nb", "da")}
    used = set(re.findall(r't\("(web\.[a-z_]+)"', "".join(
        path.read_text(encoding="utf-8") for path in (ROOT / "src/policycheck/web").rglob("*.html"))))
    used |= set(re.findall(r'"(web\.[a-z_]+)"', (ROOT / "src/policycheck/web/form.py").read_text(encoding="utf-8")))
    used |= set(re.findall(r'"(web\.[a-z_]+)"', (ROOT / "src/policycheck/web/app.py").read_text(encoding="utf-8")))
    assert used and keys["en"] == keys["nb"] == keys["da"] and used <= keys["en"]


def test_the_log_page_shows_findings_with_evidence_by_pseudonym(school, keys):
    options = LogOptions(logs=(EXAMPLE / "log.csv",), roster=EXAMPLE / "roster.yaml")
    client = create_app(WebConfig("tromso", school / "plan.yaml", options), keys).test_client()
    client.get(f"/?token={keys.token}")
    page = client.get("/log").get_data(as_text=True)
    assert 'id="log-rows"' in page and 'class="question finding"' in page
    assert re.search(r"elev-\d[a-z]-\d\d", page), "pupils appear by the roster's pseudonyms"


def test_the_report_downloads_as_html(client):
    response = client.get("/report.html")
    assert response.status_code == 200 and response.mimetype == "text/html"
    assert "attachment" in response.headers["Content-Disposition"] and "Fjellvegen skole" in response.get_data(as_text=True)


def test_an_aula_export_is_read_through_the_known_mapping(tmp_path, keys):
    vest = ROOT / "examples" / "vest-engskolen"
    shutil.copy(vest / "plan.yaml", tmp_path / "plan.yaml")
    client = create_app(WebConfig("vest", tmp_path / "plan.yaml"), keys).test_client()
    client.get(f"/?token={keys.token}")
    assert "Aula-eksport (beskeder og begivenheder)" in client.get("/log").get_data(as_text=True)
    upload = {"csrf": keys.csrf, "mapping": "aula", "log": ((vest / "aula-eksport.csv").open("rb"), "aula-eksport.csv"),
              "roster": ((vest / "roster.yaml").open("rb"), "roster.yaml")}
    client.post("/log", data=upload, headers={"Origin": ORIGIN}, content_type="multipart/form-data")
    page = client.get("/log").get_data(as_text=True)
    rows = re.search(r'id="log-rows">(\d+) ', page.replace("\u00a0", ""))
    assert rows and int(rows.group(1)) > 100 and ", 0 afvist" in page
    assert 'class="question finding"' in page


def test_a_record_field_of_another_shape_is_shown_as_text_and_kept(client, keys, school):
    question = "overgang.tett_oppfolging"
    before = yaml.safe_load((school / "plan.yaml").read_text(encoding="utf-8"))["overgang"]["tett_oppfolging"]
    assert isinstance(before[0]["tiltak"], list)
    number = page_number("3.12")
    page = client.get(f"/page/{number}").get_data(as_text=True)
    assert f'name="{question}.0.tiltak"' not in page and f'name="{question}.0.overgang"' in page
    rows = {f"{question}.{index}.overgang": row["overgang"] for index, row in enumerate(before)}
    post(client, f"/page/{number}", keys, {"shown": question, f"{question}.rows": str(len(before) + 1), **rows})
    after = yaml.safe_load((school / "plan.yaml").read_text(encoding="utf-8"))["overgang"]["tett_oppfolging"]
    assert after == before


def test_serve_prints_a_local_address_with_the_token_and_answers_it(tmp_path):
    shutil.copy(EXAMPLE / "plan.yaml", tmp_path / "plan.yaml")
    command = [sys.executable, "-m", "policycheck", "serve", "--plan", str(tmp_path / "plan.yaml"), "--no-browser"]
    server = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    try:
        line = server.stderr.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/\?token=[\w-]+", line).group(0)
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        with opener.open(url, timeout=20) as response:
            assert response.status == 200 and "Fjellvegen skole" in response.read().decode("utf-8")
        with pytest.raises(urllib.error.HTTPError, match="403"):
            urllib.request.urlopen(url.split("?")[0], timeout=20)
    finally:
        server.terminate()
        server.wait(10)


def test_serve_without_a_pack_or_a_plan_naming_one_is_a_usage_error(invoke, tmp_path):
    code, _, err = invoke("serve", "--plan", str(tmp_path / "plan.yaml"), "--no-browser")
    assert code == 2 and "give --policy" in err and "Traceback" not in err


def test_a_save_that_changes_answers_keeps_every_comment(client, keys, school):
    before = (school / "plan.yaml").read_text(encoding="utf-8")
    post(client, f"/page/{page_number('3.3')}", keys, {"shown": "utviklingssamtaler.per_skolear",
                                                       "utviklingssamtaler.per_skolear": "2"})
    after = (school / "plan.yaml").read_text(encoding="utf-8")
    changed = [(old, new) for old, new in zip(before.splitlines(), after.splitlines()) if old != new]
    assert len(before.splitlines()) == len(after.splitlines()) and len(changed) == 1
    assert changed[0][1].strip().startswith("per_skolear: 2")


def test_an_init_plan_keeps_its_comments_as_its_todos_are_answered(client, keys, school, invoke):
    code, _, _ = invoke("init", "--policy", "tromso", "--output", str(school / "plan.yaml"), "--force")
    assert code == 0
    text = (school / "plan.yaml").read_text(encoding="utf-8")
    comments = [line for line in text.splitlines() if line.lstrip().startswith("#")]
    post(client, "/page/school", keys, {"school.name": "Nyskolen", "school.municipality": "Tromsø", "school_year": "2025-2026",
                                        "school.grades.min": "1", "school.grades.max": "7"})
    post(client, f"/page/{page_number('3.3')}", keys, {
        "shown": ["utviklingssamtaler.per_skolear", "utviklingssamtaler.tema"], "utviklingssamtaler.per_skolear": "2",
        "utviklingssamtaler.tema": ["faglig-utvikling", "sosial-utvikling"]})
    saved = (school / "plan.yaml").read_text(encoding="utf-8")
    assert [line for line in saved.splitlines() if line.lstrip().startswith("#")] == comments
    data = yaml.safe_load(saved)
    assert data["school"]["name"] == "Nyskolen" and data["utviklingssamtaler"]["per_skolear"] == 2
    assert data["school"]["grades"] == {"min": 1, "max": 7}


def test_a_new_key_goes_after_its_mappings_last_entry_and_comments_stay(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text("# kommentar\nkind: skole-hjem-plan\nschool:\n  name: X  # navnet\n# slutt\n", encoding="utf-8")
    planfile.save(path, {"kind": "skole-hjem-plan", "school": {"name": "X", "grades": {"min": 1, "max": 7}}, "ny": [1]})
    assert path.read_text(encoding="utf-8") == ("# kommentar\nkind: skole-hjem-plan\nschool:\n  name: X  # navnet\n"
                                                 "  grades: {min: 1, max: 7}\n# slutt\nny: [1]\n")


def test_a_key_added_to_a_flow_mapping_writes_the_plan_anew(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text("# kommentar\nkind: skole-hjem-plan\nschool: {name: X}\n", encoding="utf-8")
    planfile.save(path, {"kind": "skole-hjem-plan", "school": {"name": "X", "id": "42"}})
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["school"]["id"] == "42"
    assert "#" not in path.read_text(encoding="utf-8")


def test_an_attestation_is_written_for_its_rule_and_meets_it(client, keys, school):
    rule = next(r for r in form.attested_rules(load_pack("tromso"))
                if r.id not in {a["rule"] for a in yaml.safe_load((school / "plan.yaml").read_text(encoding="utf-8"))["attestations"]})
    page = client.get("/attestations").get_data(as_text=True)
    assert f'data-rule="{rule.id}" data-status="needs_attestation"' in page
    post(client, "/attestations", keys, {"shown": rule.id, f"{rule.id}.statement": "Vi gjør det.",
                                          f"{rule.id}.name": "Kari Rektor", f"{rule.id}.role": "rektor",
                                          f"{rule.id}.date": "2026-06-01"})
    entries = yaml.safe_load((school / "plan.yaml").read_text(encoding="utf-8"))["attestations"]
    assert {"rule": rule.id, "statement": "Vi gjør det.", "attested_by": {"name": "Kari Rektor", "role": "rektor"},
            "date": __import__("datetime").date(2026, 6, 1)} in entries
    assert f'data-rule="{rule.id}" data-status="pass"' in client.get("/attestations").get_data(as_text=True)
    post(client, "/attestations", keys, {"shown": rule.id})
    assert rule.id not in {a["rule"] for a in yaml.safe_load((school / "plan.yaml").read_text(encoding="utf-8"))["attestations"]}


def test_a_save_comes_back_to_its_question_and_no_other_anchor(client, keys):
    number = page_number("3.3")
    data = {"shown": "utviklingssamtaler.per_skolear", "utviklingssamtaler.per_skolear": "2"}
    assert post(client, f"/page/{number}", keys, {**data, "at": "q-utviklingssamtaler.per_skolear"}).headers["Location"] \
        == f"/page/{number}?saved=1#q-utviklingssamtaler.per_skolear"
    assert "#" not in post(client, f"/page/{number}", keys, {**data, "at": '"><script>'}).headers["Location"]


def test_an_open_vocabulary_takes_the_schools_own_entries(client, keys, school):
    pack = load_pack("tromso")
    question = next(q for q in pack.questions if q.type == "multichoice" and pack.vocabularies[q.vocabulary].open)
    number = 1 + [page.section for page in form.pages(pack)].index(question.source.section)
    first = pack.vocabularies[question.vocabulary].entries[0].id
    post(client, f"/page/{number}", keys, {"shown": question.path, question.path: first, f"{question.path}.own": "vårt eget\n"})
    node = yaml.safe_load((school / "plan.yaml").read_text(encoding="utf-8"))
    for part in question.path.split("."):
        node = node[part]
    assert node == [first, "vårt eget"]
    assert 'value="vårt eget" checked' in client.get(f"/page/{number}").get_data(as_text=True)


def test_a_plan_that_cannot_be_read_is_shown_with_where_and_is_not_overwritten(client, keys, school):
    broken = "kind: skole-hjem-plan\nschool: {name: X\n"
    (school / "plan.yaml").write_text(broken, encoding="utf-8")
    response = client.get(f"/page/{page_number('3.3')}")
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "plan.yaml:" in page and 'id="answers"' not in page
    assert post(client, "/page/school", keys, {"school.name": "Y"}).status_code == 422
    assert (school / "plan.yaml").read_text(encoding="utf-8") == broken


OWN_EXPORT = """Dato;Hva;Klasse;Elev;Samtale;Kanal
06.10.2025;Beskjed fra foresatte;5A;elev-5a-01;T-1;e-post
07.10.2025;Svar til foresatte;5A;elev-5a-01;T-1;transponder
08.10.2025;Foreldremøte;5A;;;
"""


def test_an_export_of_another_system_is_mapped_in_the_page(school, keys):
    """Neither Aula nor Transponder: the school maps its columns and its type names, and the log rules read it."""
    (school / "export.csv").write_text(OWN_EXPORT, encoding="utf-8")
    options = LogOptions(logs=(school / "export.csv",), roster=EXAMPLE / "roster.yaml")
    client = create_app(WebConfig("tromso", school / "plan.yaml", options), keys).test_client()
    client.get(f"/?token={keys.token}")
    assert 'id="map-columns"' in client.get("/log").get_data(as_text=True)
    page = client.get("/log/columns").get_data(as_text=True)
    assert '<option value="Dato">' in page and "type-0" not in page  # no type column chosen yet
    columns = {"column.date": "Dato", "column.type": "Hva", "column.class": "Klasse", "column.pupil": "Elev",
               "column.thread": "Samtale", "column.channel": "Kanal", "date_format": "dd.mm.yyyy"}
    assert post(client, "/log/columns", keys, columns).status_code == 302
    page = client.get("/log/columns?saved=1").get_data(as_text=True)
    assert "Beskjed fra foresatte" in page and "Foreldremøte" in page
    assert re.search(r'name="type.\d+">.*?<option value="foreldremote" selected', page, re.S), "guessed by its own word"
    values = sorted(["Beskjed fra foresatte", "Foreldremøte", "Svar til foresatte"])
    types = {f"type.{values.index(value)}": type_id for value, type_id in
             (("Beskjed fra foresatte", "henvendelse"), ("Svar til foresatte", "svar"), ("Foreldremøte", "foreldremote"))}
    assert post(client, "/log/columns", keys, {**columns, **types}).status_code == 302
    mapping = yaml.safe_load((school / UPLOADS / "mapping.yaml").read_text(encoding="utf-8"))
    assert mapping["columns"]["type"] == "Hva" and mapping["types"]["Svar til foresatte"] == "svar"
    log_page = client.get("/log").get_data(as_text=True)
    assert re.search(r'id="log-rows">[^<]*\b3\b', log_page), "all three rows are read"
    cli = api.run_check(api.CheckRequest(policy="tromso", plan=school / "plan.yaml", log=LogOptions(
        logs=(school / "export.csv",), roster=EXAMPLE / "roster.yaml", mapping=school / UPLOADS / "mapping.yaml")))
    assert cli.log.rows_read == 3 and cli.log.rows_rejected == 0  # the CLI reads the same mapping file


def test_the_columns_page_without_an_upload_goes_back_to_the_log_page(client):
    assert client.get("/log/columns").status_code == 302
