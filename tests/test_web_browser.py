"""`policycheck serve` driven in a real headless Chromium through selenium and Debian's chromedriver:
fill in a section and watch a gap turn met, upload a log, save, and the CLI gives the same report; the
token, CSRF and origin guards on the live server; markup in a school name stays text; no horizontal
overflow at desktop (1280 px) and phone (390 px) width. Nothing is downloaded at run time."""

from __future__ import annotations

import shutil
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import yaml

from policycheck import api
from policycheck.loading.packs import load_pack
from policycheck.web import form
from policycheck.web.app import WebConfig, create_app
from policycheck.web.security import Secrets

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install '.[test]')")
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402
from werkzeug.serving import make_server  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                                reason="chromium or chromedriver is not installed (apt-get install -y chromium chromium-driver)")
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "tromso-fjellvegen"
GAP = "tro-utviklingssamtale-to-ganger"


@pytest.fixture(scope="module")
def school(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("school")
    shutil.copy(EXAMPLE / "plan.yaml", folder / "plan.yaml")
    return folder


@pytest.fixture(scope="module")
def server(school: Path):
    """The app on a free port of 127.0.0.1 in a thread: (base URL, secrets)."""
    keys = Secrets()
    httpd = make_server("127.0.0.1", 0, create_app(WebConfig("tromso", school / "plan.yaml"), keys), threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}", keys
    httpd.shutdown()
    thread.join(10)


@pytest.fixture(scope="module")
def browser(server, tmp_path_factory):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={tmp_path_factory.mktemp('profile')}", "--window-size=1280,900"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path=CHROMEDRIVER), options=options)
    driver.implicitly_wait(0)
    base, keys = server
    driver.get(f"{base}/?token={keys.token}&lang=nb")
    yield driver
    driver.quit()


def section_url(base: str, section: str) -> str:
    return f"{base}/page/{1 + [page.section for page in form.pages(load_pack('tromso'))].index(section)}"


def verdict(driver, rule: str) -> str:
    return driver.find_element(By.CSS_SELECTOR, f'.verdict[data-rule="{rule}"]').get_attribute("data-status")


def save(driver) -> None:
    driver.find_element(By.ID, "save").click()
    WebDriverWait(driver, 10).until(expected_conditions.presence_of_element_located((By.ID, "saved")))


def test_the_token_in_the_url_is_dropped_from_the_address_bar(browser, server):
    assert "token=" not in browser.current_url
    assert browser.find_element(By.ID, "save").text == "Lagre"


def test_filling_in_a_section_turns_a_gap_met_and_the_cli_agrees(browser, server, school):
    base, _ = server
    browser.get(section_url(base, "3.3"))
    assert verdict(browser, GAP) == "fail"
    field = browser.find_element(By.NAME, "utviklingssamtaler.per_skolear")
    field.clear()
    field.send_keys("2")
    save(browser)
    assert verdict(browser, GAP) == "pass"
    report = api.run_check(api.CheckRequest("tromso", school / "plan.yaml"))
    statuses = {finding.rule_id: finding.status.value for finding in report.findings}
    shown = {element.get_attribute("data-rule"): element.get_attribute("data-status")
             for element in browser.find_elements(By.CSS_SELECTOR, ".verdict")}
    assert shown and all(statuses[rule] == status for rule, status in shown.items())


def test_a_yes_no_answer_saves_itself_on_change(browser, server, school):
    base, _ = server
    question = next(q for q in load_pack("tromso").questions if q.type == "yesno")
    browser.get(section_url(base, question.source.section))
    radio = next(element for element in browser.find_elements(By.NAME, question.path)
                 if element.get_attribute("value") in ("ja", "nei") and not element.is_selected())
    wanted = radio.get_attribute("value")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", radio)
    radio.click()
    WebDriverWait(browser, 10).until(expected_conditions.presence_of_element_located((By.ID, "saved")))
    assert browser.current_url.endswith(f"#q-{question.path}")  # back at the question, not the top of the page
    node = yaml.safe_load((school / "plan.yaml").read_text(encoding="utf-8"))
    for part in question.path.split("."):
        node = node[part]
    assert node is {"ja": True, "nei": False}[wanted]


def test_uploading_a_log_shows_its_findings_by_pseudonym(browser, server):
    base, _ = server
    browser.get(f"{base}/log")
    browser.find_element(By.ID, "log").send_keys(str(EXAMPLE / "log.csv"))
    browser.find_element(By.ID, "roster").send_keys(str(EXAMPLE / "roster.yaml"))
    browser.find_element(By.ID, "upload").click()
    rows = WebDriverWait(browser, 20).until(expected_conditions.presence_of_element_located((By.ID, "log-rows")))
    assert rows.text.split()[0].isdigit() and int(rows.text.split()[0].replace("\u00a0", "")) > 100
    findings = browser.find_elements(By.CSS_SELECTOR, ".finding")
    assert findings and any("elev-" in element.text for element in findings)


def test_a_school_name_with_a_script_stays_text(browser, server):
    base, _ = server
    browser.get(f"{base}/page/school")
    name = browser.find_element(By.ID, "school.name")
    name.clear()
    name.send_keys("<script>alert('x')</script> skole")
    save(browser)
    assert browser.find_element(By.ID, "school-name").text == "<script>alert('x')</script> skole"
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018 - reading it is the test


@pytest.mark.parametrize("width", [1280, 390])
def test_no_horizontal_overflow(browser, server, width):
    base, _ = server
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 500})
    try:
        for url in (f"{base}/page/school", section_url(base, "3.12"), section_url(base, "3.3"), f"{base}/attestations",
                    f"{base}/log"):
            browser.get(url)
            scroll, client = browser.execute_script(
                "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            assert width - 20 <= client <= width and scroll <= client, url  # less a vertical scrollbar
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def status(url: str, data: dict | None = None, headers: dict | None = None) -> int:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_the_live_server_refuses_without_the_token_and_from_another_origin(browser, server):
    base, keys = server
    name = f"policycheck_token_{urllib.parse.urlsplit(base).port}"
    cookie = f"{name}={browser.get_cookie(name)['value']}"
    assert status(f"{base}/page/school") == 403
    assert status(f"{base}/page/school", headers={"Cookie": cookie}) == 200
    assert status(f"{base}/page/school", {"school.name": "X"}, {"Cookie": cookie, "Origin": base}) == 403
    assert status(f"{base}/page/school", {"csrf": keys.csrf, "school.name": "X"},
                  {"Cookie": cookie, "Origin": "http://evil.example"}) == 403
    assert browser.get_cookie(name)["httpOnly"] is True
