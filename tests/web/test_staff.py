"""Staff sign-in and access."""


def test_staff_pages_need_a_sign_in(client):
    for path in ("/manager/submissions", "/interviewer/sets"):
        response = client.get(path)
        assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_wrong_password_is_refused(client, make_staff):
    email, _ = make_staff("manager")
    response = client.post("/login", data={"email": email, "password": "nope"})
    assert response.status_code == 200
    assert b"Wrong email or password" in response.data


def test_passwords_are_hashed_with_a_modern_kdf(app, make_staff):
    from assessor.extensions import db
    from assessor.models import User

    email, password = make_staff("interviewer")
    with app.app_context():
        stored = db.session.scalar(db.select(User).filter_by(email=email)).password_hash
    assert stored.startswith("scrypt:") and password not in stored


def test_signed_in_staff_see_their_pages(client, login):
    login("interviewer")
    assert client.get("/interviewer/sets").status_code == 200
    assert client.get("/manager/submissions").status_code == 200


def test_forms_are_csrf_protected(app, make_staff):
    app.config["WTF_CSRF_ENABLED"] = True
    email, password = make_staff("manager")
    response = app.test_client().post("/login", data={"email": email, "password": password})
    assert response.status_code == 400


def test_candidate_json_posts_are_csrf_protected(app, invitation):
    token = invitation()
    app.config["WTF_CSRF_ENABLED"] = True
    browser = app.test_client()
    page = browser.get(f"/c/{token}")
    assert page.status_code == 200
    assert browser.post(f"/c/{token}/start").status_code == 400
