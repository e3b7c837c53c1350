"""Sending email: through SMTP when configured, otherwise into an outbox a developer can read."""

import smtplib
from email.message import EmailMessage
from pathlib import Path

from flask import current_app

from ..extensions import db
from ..models import OutboxMessage, utcnow


def send(recipient: str, subject: str, body: str) -> OutboxMessage:
    """Send (or leave in the outbox) one plain-text email; the message is always recorded."""
    config = current_app.config
    message = OutboxMessage(recipient=recipient, subject=subject, body=body,
                            transport="smtp" if config.get("SMTP_HOST") else "outbox")
    if config.get("SMTP_HOST"):
        try:
            _smtp(recipient, subject, body)
        except (OSError, smtplib.SMTPException) as error:
            message.error = str(error)[:1000]
            current_app.logger.warning("email to %s failed: %s", recipient, error)
    else:
        _write_outbox(recipient, subject, body)
    db.session.add(message)
    db.session.commit()
    return message


def _smtp(recipient: str, subject: str, body: str) -> None:
    config = current_app.config
    email = EmailMessage()
    email["From"], email["To"], email["Subject"] = config["MAIL_FROM"], recipient, subject
    email.set_content(body)
    with smtplib.SMTP(config["SMTP_HOST"], int(config["SMTP_PORT"]), timeout=15) as server:
        if config.get("SMTP_STARTTLS"):
            server.starttls()
        if config.get("SMTP_USER"):
            server.login(config["SMTP_USER"], config["SMTP_PASSWORD"])
        server.send_message(email)


def _write_outbox(recipient: str, subject: str, body: str) -> None:
    """Append the message to instance/outbox.txt (and the log), for development and tests."""
    outbox = Path(current_app.instance_path) / "outbox.txt"
    with open(outbox, "a", encoding="utf-8") as handle:
        handle.write(f"--- {utcnow().isoformat()}\nTo: {recipient}\nSubject: {subject}\n\n{body}\n\n")
    current_app.logger.info("email to %s left in %s: %s", recipient, outbox, subject)
