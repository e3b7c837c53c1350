"""Sign-in form."""

from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, Length


class LoginForm(FlaskForm):
    """Email and password."""

    email = EmailField("Email", validators=[DataRequired(), Length(max=254)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=200)])


class SetupForm(FlaskForm):
    """An invited staff member chooses a password."""

    password = PasswordField("New password (at least 12 characters)", validators=[DataRequired(), Length(max=200)])
    confirm = PasswordField("Repeat it", validators=[DataRequired(), Length(max=200)])


class TokenForm(FlaskForm):
    """A new API token."""

    name = StringField("What is it for?", validators=[DataRequired(), Length(max=100)])
