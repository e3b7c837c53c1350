"""Builds the Flask application (called by `assessor.create_app`)."""

import os
import secrets
from pathlib import Path

from flask import Flask

from .config import Config


def build_app(test_config: dict | None = None) -> Flask:
    """Create and configure the app: config, extensions, blueprints."""
    app = Flask(__name__, instance_path=os.environ.get("ASSESSOR_INSTANCE") or None)
    app.config.from_object(Config)
    if test_config:
        app.config.update(test_config)
    if not app.testing:
        from .logs import configure as configure_logging

        configure_logging()
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{Path(app.instance_path) / 'assessor.db'}"
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _instance_secret(Path(app.instance_path) / "secret_key")

    from werkzeug.routing import IntegerConverter

    class DatabaseInt(IntegerConverter):
        """Ids in URLs: an id beyond the database's integer (32 bits on PostgreSQL) is simply not
        found (404), never a 500."""

        def __init__(self, url_map, *args, **kwargs):
            kwargs.setdefault("max", 2**31 - 1)
            super().__init__(url_map, *args, **kwargs)

    app.url_map.converters["int"] = DatabaseInt

    from . import models  # noqa: F401  (registers the tables)
    from .extensions import csrf, db, login_manager, migrate

    db.init_app(app)
    migrate.init_app(app, db, directory=str(Path(__file__).resolve().parent.parent / "migrations"))
    csrf.init_app(app)
    login_manager.init_app(app)

    from .admin import bp as admin_bp
    from .api import bp as api_bp
    from .auth import bp as auth_bp
    from .candidate import bp as candidate_bp
    from .interviewer import bp as interviewer_bp
    from .manager import bp as manager_bp
    from .ops import bp as ops_bp

    for blueprint in (admin_bp, api_bp, auth_bp, candidate_bp, interviewer_bp, manager_bp, ops_bp):
        app.register_blueprint(blueprint)
    csrf.exempt(api_bp)   # the API authenticates with bearer tokens, not cookies

    from .text_input import refuse_nul_characters

    app.before_request(refuse_nul_characters)

    @app.context_processor
    def code_styles():
        """The stylesheet of highlighted code, for report pages."""
        from .services.reports import stylesheet

        return {"code_css": stylesheet}

    @app.template_filter("language_title")
    def language_title(name: str) -> str:
        """A language's name as people say it ("JavaScript (Node.js 18)"), or the name itself."""
        from sandbox import LANGUAGES

        return LANGUAGES.get(name).title if name in LANGUAGES else name

    @app.template_filter("duration")
    def duration(seconds) -> str:
        """Seconds as people read them: "40 s", "4 min 10 s", "1 h 5 min"."""
        seconds = round(float(seconds or 0))
        if seconds < 60:
            return f"{seconds} s"
        minutes, seconds = divmod(seconds, 60)
        if minutes < 60:
            return f"{minutes} min" + (f" {seconds} s" if seconds else "")
        hours, minutes = divmod(minutes, 60)
        return f"{hours} h" + (f" {minutes} min" if minutes else "")

    @app.get("/")
    def index():
        """Staff land on their dashboard; everyone else on the login page."""
        from flask import redirect, url_for
        from flask_login import current_user

        return redirect(url_for("interviewer.set_list" if current_user.is_authenticated else "auth.login"))

    return app


def _instance_secret(path: Path) -> str:
    """A random secret key kept in the instance folder, so sessions survive restarts."""
    if not path.exists():
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()
