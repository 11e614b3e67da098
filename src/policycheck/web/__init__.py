"""`policycheck serve`: the plan as a form in the browser, with the rules' verdicts beside each answer.

A local Flask application (server-rendered Jinja2 pages, no build step) bound to 127.0.0.1 and
opened with a random token, as Jupyter is: `app.create_app` builds it, `app.serve` runs it.
The form is generated from the pack's questions (`form`), answers are saved to the plan.yaml the
CLI reads (`planfile`), and every verdict comes from the real engine (`api.check_with_pack`).
"""
