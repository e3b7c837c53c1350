"""The admin's Integrations page: webhooks (add, edit, disable, delete, ping) and their delivery log."""

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..auth.access import roles_required
from ..errors import ServiceError
from ..extensions import db
from ..models import WEBHOOK_EVENTS, Webhook, WebhookDelivery
from ..services import webhooks
from ..services.webhook_delivery import schedule_text
from . import bp
from .forms import WebhookForm


def _webhook(webhook_id: int) -> Webhook:
    return db.session.get(Webhook, webhook_id) or abort(404)


def _back(webhook_id: int):
    return redirect(url_for("admin.webhook", webhook_id=webhook_id))


def _form_problem(form: WebhookForm) -> str:
    """A one-line message for what WTForms refused (an expired form, a too-long description)."""
    if "csrf_token" in form.errors:
        return "The form expired; please try again."
    return " ".join(f"{getattr(form, name).label.text}: {'; '.join(problems)}" for name, problems in form.errors.items())


@bp.route("/integrations", methods=["GET", "POST"])
@roles_required("admin")
def integrations():
    """The webhooks with their deliveries counted, and a form to add one."""
    form = WebhookForm()
    if request.method == "GET":
        form.events.data, form.active.data = list(WEBHOOK_EVENTS), True
    if form.validate_on_submit():
        try:
            webhook = webhooks.create(form.url.data, form.events.data, form.description.data, form.active.data,
                                      created_by=current_user)
        except ServiceError as error:
            flash(error.message, "error")
        else:
            flash({"text": "Webhook added. Its signing secret (an admin can see it again on this page):",
                   "url": webhook.secret}, "link")
            return _back(webhook.id)
    elif form.errors:
        flash(_form_problem(form), "error")
    return render_template("admin/integrations.html", form=form, webhooks=webhooks.overview())


@bp.route("/integrations/webhooks/<int:webhook_id>", methods=["GET", "POST"])
@roles_required("admin")
def webhook(webhook_id):
    """One webhook: its settings, its secret, a ping button and its delivery log."""
    hook = _webhook(webhook_id)
    form = WebhookForm(obj=hook)
    if form.validate_on_submit():
        try:
            webhooks.update_webhook(hook, form.url.data, form.events.data, form.description.data, form.active.data)
        except ServiceError as error:
            flash(error.message, "error")
        else:
            flash("Webhook saved.", "success")
            return _back(hook.id)
    elif form.errors:
        flash(_form_problem(form), "error")
    page = request.args.get("page", 1, type=int)
    deliveries, older = webhooks.delivery_log(hook, page)
    return render_template("admin/webhook.html", webhook=hook, form=form, deliveries=deliveries, page=page,
                           older=older, retries=schedule_text(current_app.config["WEBHOOK_RETRY_SCHEDULE_S"]))


@bp.post("/integrations/webhooks/<int:webhook_id>/ping")
@roles_required("admin")
def ping_webhook(webhook_id):
    """Send the webhook a test event."""
    delivery = webhooks.ping(_webhook(webhook_id))
    flash(f"Ping queued (delivery {delivery.uuid}): its result appears in the log below.", "success")
    return _back(webhook_id)


@bp.post("/integrations/webhooks/<int:webhook_id>/secret")
@roles_required("admin")
def rotate_secret(webhook_id):
    """Replace the webhook's signing secret."""
    secret = webhooks.rotate_secret(_webhook(webhook_id))
    flash({"text": "New signing secret (deliveries are signed with it from now on):", "url": secret}, "link")
    return _back(webhook_id)


@bp.post("/integrations/webhooks/<int:webhook_id>/delete")
@roles_required("admin")
def delete_webhook(webhook_id):
    """Delete the webhook and its delivery log."""
    hook = _webhook(webhook_id)
    url = hook.url
    webhooks.delete_webhook(hook)
    flash(f"Deleted the webhook to {url}.", "success")
    return redirect(url_for("admin.integrations"))


@bp.post("/integrations/deliveries/<int:delivery_id>/redeliver")
@roles_required("admin")
def redeliver(delivery_id):
    """Send a delivery again (same body and delivery id)."""
    delivery = db.session.get(WebhookDelivery, delivery_id) or abort(404)
    try:
        webhooks.redeliver(delivery)
    except ServiceError as error:
        flash(error.message, "error")
    else:
        flash(f"Redelivery of {delivery.uuid} queued.", "success")
    return _back(delivery.webhook_id)
