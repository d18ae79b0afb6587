"""`suivi serve` (the dashboard and the JSON API), `suivi user ...`, `suivi token ...`."""

from __future__ import annotations

import signal
import sys
import threading
from datetime import date
from typing import Annotated

import typer
from rich.table import Table

from suivi.cli.common import DbOption, JsonOption, console, emit_json, err_console, get_store
from suivi.store import accounts as account_store


def _read_password(from_stdin: bool) -> str:
    if from_stdin or not sys.stdin.isatty():
        line = sys.stdin.readline().rstrip("\n")
        if not line:
            raise _accounts().AccountError("no password on standard input")
        return line
    return typer.prompt("Password", hide_input=True, confirmation_prompt=True)


def _accounts():  # noqa: ANN202 - the suivi.accounts module
    """`suivi.accounts`, imported when a command needs it.

    Why not at import: it hashes a dummy password when loaded (about 0.2 s of CPU), and every
    `suivi` command imports this module, as does each `suivi ingest` worker process (it imports
    the command's script again)."""
    from suivi import accounts

    return accounts


def register(app: typer.Typer) -> None:
    user_app = typer.Typer(help="Local accounts for the web dashboard: add, list, passwd.", no_args_is_help=True)
    token_app = typer.Typer(help="API tokens for scripts: create, list, revoke.", no_args_is_help=True)
    app.add_typer(user_app, name="user")
    app.add_typer(token_app, name="token")

    @app.command("serve")
    def serve(
        host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
        require_login: Annotated[
            bool, typer.Option("--require-login", help="Reading needs sign-in too (default: open reading).")
        ] = False,
        with_sources: Annotated[
            bool, typer.Option("--with-sources", help="Also keep watching the sources (what `suivi run` does).")
        ] = False,
        db: DbOption = None,
    ) -> None:
        """Serve the dashboard and the JSON API (/api, docs at /api/docs) over the store.

        With --with-sources the sources are polled in a background thread; stopping the server
        finishes the article in hand first.

        Example: suivi serve --port 8000   then open http://127.0.0.1:8000/
        """
        import uvicorn

        from suivi.web.app import create_app
        from suivi.web.settings import WebSettings

        store = get_store(db)
        settings = WebSettings()
        if require_login:
            settings = WebSettings(require_login=True)
        err_console.print(f"Suivi dashboard on http://{host}:{port}/  (API docs: /api/docs; Ctrl-C stops)")
        stop, watcher = threading.Event(), None
        if with_sources:
            from suivi.cli.monitor import log_event
            from suivi.monitor.runner import start_in_thread

            watcher = start_in_thread(store, stop, log=lambda event: log_event(event, False))
            # uvicorn restores these handlers after its graceful shutdown and raises the signal
            # again: it must then end the watcher cleanly, not kill the process mid-article.
            for sig in (signal.SIGINT, signal.SIGTERM):
                signal.signal(sig, lambda _signum, _frame: stop.set())
        web = create_app(store, settings)
        # build the register once before the first visitor asks (seconds on a large store)
        threading.Thread(target=web.state.cache.items, args=(store, date.today()), daemon=True).start()
        try:
            uvicorn.run(web, host=host, port=port, log_level="warning", access_log=False)
        finally:
            if watcher is not None:
                stop.set()
                watcher.join()

    @user_app.command("add")
    def user_add(
        name: Annotated[str, typer.Argument(help="User name (letters, digits, . _ @ -).")],
        role: Annotated[str, typer.Option(help="analyst or admin.")] = "analyst",
        password_stdin: Annotated[bool, typer.Option("--password-stdin", help="Read the password from stdin.")] = False,
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """Add a local account (asks for the password twice, or reads one line from stdin).

        Example: echo 'a long passphrase' | suivi user add alice --password-stdin
        """
        password = _read_password(password_stdin)
        with get_store(db).begin() as conn:
            user_id = _accounts().add_user(conn, name, password, role)
        if as_json:
            emit_json({"id": user_id, "name": name, "role": role})
        else:
            console.print(f"user {name} added ({role})", highlight=False, markup=False)

    @user_app.command("passwd")
    def user_passwd(
        name: Annotated[str, typer.Argument(help="User name.")],
        password_stdin: Annotated[bool, typer.Option("--password-stdin", help="Read the password from stdin.")] = False,
        db: DbOption = None,
    ) -> None:
        """Set a user's password.

        Example: suivi user passwd alice
        """
        password = _read_password(password_stdin)
        with get_store(db).begin() as conn:
            user = account_store.get_user(conn, name)
            account_store.set_password(conn, user.id, _accounts().hash_password(password))
        console.print(f"password of {name} changed", highlight=False, markup=False)

    @user_app.command("list")
    def user_list(db: DbOption = None, as_json: JsonOption = False) -> None:
        """List accounts.

        Example: suivi user list --json
        """
        with get_store(db).connect() as conn:
            users = account_store.list_users(conn)
        if as_json:
            emit_json([{"name": u.name, "role": u.role, "created_at": u.created_at.isoformat(),
                        "disabled": u.disabled} for u in users])
            return
        table = Table("name", "role", "created", "disabled")
        for u in users:
            table.add_row(u.name, u.role, u.created_at.isoformat(timespec="seconds"), "yes" if u.disabled else "")
        console.print(table)

    @token_app.command("create")
    def token_create(
        name: Annotated[str, typer.Argument(help="A name for the token (what uses it).")],
        user: Annotated[str, typer.Option("--user", help="The account the token acts for.")],
        days: Annotated[int | None, typer.Option(help="Expires after this many days (default: never).")] = None,
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """Create an API token (printed once: store it; only its digest is kept).

        Example: suivi token create notebook --user alice --days 90
        """
        with get_store(db).begin() as conn:
            token = _accounts().create_token(conn, user, name, days)
        if as_json:
            emit_json({"name": name, "user": user, "token": token})
        else:
            sys.stdout.write(token + "\n")
            err_console.print("Send it as 'Authorization: Bearer <token>'. It is not shown again.")

    @token_app.command("list")
    def token_list(db: DbOption = None, as_json: JsonOption = False) -> None:
        """List API tokens (never their value).

        Example: suivi token list
        """
        with get_store(db).connect() as conn:
            rows = account_store.list_tokens(conn)

        def iso(value) -> str:  # noqa: ANN001 - datetime or None
            return value.isoformat(timespec="seconds") if value else ""

        if as_json:
            emit_json([{"id": t.id, "name": t.name, "user": t.user_name, "created_at": iso(t.created_at),
                        "expires_at": iso(t.expires_at) or None, "revoked_at": iso(t.revoked_at) or None,
                        "last_used_at": iso(t.last_used_at) or None} for t in rows])
            return
        table = Table("id", "name", "user", "created", "expires", "revoked", "last used")
        for t in rows:
            table.add_row(str(t.id), t.name, t.user_name, iso(t.created_at), iso(t.expires_at), iso(t.revoked_at),
                          iso(t.last_used_at))
        console.print(table)

    @token_app.command("revoke")
    def token_revoke(
        ref: Annotated[str, typer.Argument(help="Token id or name.")],
        db: DbOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """Revoke an API token at once.

        Example: suivi token revoke notebook
        """
        with get_store(db).begin() as conn:
            count = account_store.revoke_token(conn, ref)
        if as_json:
            emit_json({"revoked": count})
        else:
            console.print(f"revoked {count} token(s)")
