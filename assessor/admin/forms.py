"""Admin forms."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, SelectField, StringField
from wtforms.validators import DataRequired, Length

from ..interviewer.forms import MultiCheckboxField
from ..models import ROLES, WEBHOOK_EVENTS


class StaffInviteForm(FlaskForm):
    """A colleague to invite."""

    email = EmailField("Email", validators=[DataRequired(), Length(max=254)])
    name = StringField("Name", validators=[Length(max=120)])
    role = SelectField("Role", choices=list(ROLES))


class WebhookForm(FlaskForm):
    """A webhook's settings; the rules (http/https URL, known events) are checked by services/webhooks.py."""

    url = StringField("Payload URL")
    description = StringField("Description", validators=[Length(max=200)])
    # Unknown choices are left to the service, which names them in its message.
    events = MultiCheckboxField("Events", choices=list(WEBHOOK_EVENTS), validate_choice=False)
    active = BooleanField("Active (send events)")
