"""Examples from the statement; the hidden tests check much more."""


def test_create_then_fetch_an_item(service):
    response = service.put("/items/WID-001", json={"name": "Widget", "quantity": 12, "price_cents": 499})
    assert response.status == 201
    assert response.headers["Location"] == "/items/WID-001"
    item = {"sku": "WID-001", "name": "Widget", "quantity": 12, "price_cents": 499}
    assert response.json() == item
    assert service.get("/items/WID-001").json() == item


def test_stock_cannot_go_below_zero(service):
    service.put("/items/WID-002", json={"name": "Gizmo", "quantity": 2, "price_cents": 100})
    response = service.post("/items/WID-002/adjustments", json={"delta": -3})
    assert response.status == 409
    assert response.json()["error"]["code"] == "insufficient_stock"


def test_validation_errors_name_the_fields(service):
    response = service.put("/items/WID-003", json={"name": "", "quantity": -1})
    assert response.status == 422
    assert set(response.json()["error"]["fields"]) == {"name", "quantity", "price_cents"}
