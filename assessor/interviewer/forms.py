"""Interviewer forms."""

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, EmailField, IntegerField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget


class MultiCheckboxField(SelectMultipleField):
    """Several choices as checkboxes."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class SetForm(FlaskForm):
    """A challenge set's settings (its challenges come as ordered `challenge` values)."""

    name = StringField("Name", validators=[DataRequired(), Length(max=200)])
    description = TextAreaField("Note for candidates (optional)", validators=[Optional(), Length(max=2000)])
    time_limit_min = IntegerField("Time limit (minutes)", default=90, validators=[DataRequired(), NumberRange(1, 480)])
    languages = MultiCheckboxField("Allowed languages (none ticked: every language a challenge offers)",
                                   choices=[], validate_choice=False)
    show_hidden_results = BooleanField("Candidates see how many hidden tests passed")


class InviteForm(FlaskForm):
    """One candidate."""

    name = StringField("Name", validators=[DataRequired(), Length(max=200)])
    email = EmailField("Email", validators=[DataRequired(), Length(max=254)])
    extra_minutes = IntegerField("Extra minutes (accommodations)", default=0,
                                 validators=[Optional(), NumberRange(0, 480)])


class CsvForm(FlaskForm):
    """Many candidates: name, email[, extra minutes] per line."""

    file = FileField("CSV file", validators=[FileRequired()])
