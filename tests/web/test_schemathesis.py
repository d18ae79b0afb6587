"""A schemathesis run over the OpenAPI spec: generated requests to every API operation, on the
sample corpus store; none may get a server error (5xx). Bounded: a few examples each."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

from suivi import accounts  # noqa: E402


@pytest.fixture(scope="module")
def api_app(corpus_store_path, tmp_path_factory):
    import shutil

    from suivi.store import open_store
    from suivi.web.app import create_app

    copy = tmp_path_factory.mktemp("schemathesis") / "web.db"
    shutil.copy(corpus_store_path, copy)
    store = open_store(str(copy))
    with store.begin() as conn:
        token = accounts.create_token(conn, "ana", "schemathesis")
    app = create_app(store)
    app.state.test_token = token
    yield app
    store.close()


def test_no_server_error_on_any_operation(api_app):
    from hypothesis import given

    schema = schemathesis.openapi.from_asgi("/api/openapi.json", api_app)
    token = {"Authorization": f"Bearer {api_app.state.test_token}"}
    seen = []
    calls = []
    for result in schema.get_all_operations():
        operation = result.ok()
        seen.append(f"{operation.method.upper()} {operation.path}")

        @settings(max_examples=15, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def run(case) -> None:
            # the review endpoint is called both without credentials and with a valid token
            headers = token if case.method == "POST" and len(str(case.body)) % 2 else None
            response = case.call(headers=headers)
            calls.append(response.status_code)
            case.validate_response(response, checks=(not_a_server_error,))

        run()
    assert "POST /api/commitments/{commitment_id}/review" in seen and len(seen) >= 10, seen
    assert len(calls) >= 5 * len(seen) and 200 in calls and 401 in calls, sorted(set(calls))
