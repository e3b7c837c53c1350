"""Hidden tests of the inventory API. Each test uses SKUs of its own; the list tests empty the
inventory first (the service may also have been restarted between tests, losing its items)."""

WIDGET = {"name": "Widget", "quantity": 12, "price_cents": 499}


def put(service, sku, **changes):
    return service.put(f"/items/{sku}", json={**WIDGET, **changes})


def created(service, sku, **changes):
    response = put(service, sku, **changes)
    assert response.status in (200, 201), response
    return response.json()


def error_of(response, status, code):
    assert response.status == status, response
    error = response.json()["error"]
    assert error["code"] == code, response
    assert isinstance(error["message"], str) and error["message"]
    return error


def empty_inventory(service):
    for _ in range(50):
        listed = service.get("/items?limit=100")
        assert listed.status == 200, listed
        if not listed.json()["items"]:
            return
        for item in listed.json()["items"]:
            assert service.delete(f"/items/{item['sku']}").status == 204
    raise AssertionError("the inventory did not become empty after deleting every listed item")


def allowed(response):
    return {method.strip() for method in response.headers.get("Allow", "").split(",") if method.strip()}


# ---------------------------------------------------------------- PUT, GET, DELETE


def test_put_creates_with_201_and_location(service):
    response = put(service, "NEW-1")
    assert response.status == 201
    assert response.headers["Location"] == "/items/NEW-1"
    assert response.json() == {"sku": "NEW-1", **WIDGET}


def test_put_replaces_with_200(service):
    created(service, "REP-1")
    response = service.put("/items/REP-1", json={"name": "Gadget", "quantity": 3, "price_cents": 1250})
    assert response.status == 200
    assert response.json() == {"sku": "REP-1", "name": "Gadget", "quantity": 3, "price_cents": 1250}
    assert service.get("/items/REP-1").json()["name"] == "Gadget"


def test_put_is_idempotent(service):
    first = put(service, "IDEM-1", quantity=7)
    assert first.status == 201
    for _ in range(3):
        again = put(service, "IDEM-1", quantity=7)
        assert again.status == 200
        assert again.json() == first.json()
    assert service.get("/items/IDEM-1").json() == {"sku": "IDEM-1", **WIDGET, "quantity": 7}
    skus = [item["sku"] for item in service.get("/items?limit=100").json()["items"]]
    assert skus.count("IDEM-1") == 1


def test_get_item(service):
    created(service, "GET-1", price_cents=0)
    response = service.get("/items/GET-1")
    assert response.status == 200
    assert response.json() == {"sku": "GET-1", **WIDGET, "price_cents": 0}


def test_get_unknown_item_is_404(service):
    error_of(service.get("/items/NO-SUCH-SKU"), 404, "not_found")


def test_delete_removes_the_item(service):
    created(service, "DEL-1")
    response = service.delete("/items/DEL-1")
    assert response.status == 204 and response.body == b""
    error_of(service.get("/items/DEL-1"), 404, "not_found")
    error_of(service.delete("/items/DEL-1"), 404, "not_found")


# ---------------------------------------------------------------- validation


def test_invalid_json_is_400(service):
    headers = {"Content-Type": "application/json"}
    error_of(service.put("/items/BAD-JSON", body='{"name": "Widget",', headers=headers), 400, "invalid_json")
    error_of(service.put("/items/BAD-JSON", json=["not", "an", "object"]), 400, "invalid_json")
    error_of(service.get("/items/BAD-JSON"), 404, "not_found")


def test_validation_names_every_bad_field(service):
    response = service.put("/items/VAL-1", json={"name": "", "quantity": -1, "color": "red"})
    error = error_of(response, 422, "validation_failed")
    assert set(error["fields"]) == {"name", "quantity", "price_cents", "color"}
    assert all(isinstance(reason, str) and reason for reason in error["fields"].values())
    error_of(service.get("/items/VAL-1"), 404, "not_found")


def test_booleans_and_fractions_are_not_integers(service):
    for bad in ({"quantity": True}, {"quantity": 1.5}, {"price_cents": "499"}, {"name": "   "}, {"name": "x" * 101}):
        error = error_of(put(service, "TYPE-1", **bad), 422, "validation_failed")
        assert set(error["fields"]) == set(bad), bad


def test_sku_rules(service):
    for sku in ("lower-case", "WAY-TOO-LONG-" + "X" * 20, "SPACE%20D"):
        error = error_of(service.put(f"/items/{sku}", json=WIDGET), 422, "validation_failed")
        assert "sku" in error["fields"], sku
    error = error_of(service.put("/items/SKU-1", json={"sku": "SKU-2", **WIDGET}), 422, "validation_failed")
    assert set(error["fields"]) == {"sku"}
    assert service.put("/items/SKU-1", json={"sku": "SKU-1", **WIDGET}).status == 201


def test_a_failed_put_changes_nothing(service):
    created(service, "KEEP-1")
    error_of(service.put("/items/KEEP-1", json={"name": "Renamed", "quantity": -5, "price_cents": 1}),
             422, "validation_failed")
    assert service.get("/items/KEEP-1").json() == {"sku": "KEEP-1", **WIDGET}


# ---------------------------------------------------------------- the list


def test_list_is_sorted_and_paginated(service):
    empty_inventory(service)
    skus = ["P-05", "P-01", "P-04", "P-02", "P-03"]
    for sku in skus:
        created(service, sku)
    pages, offset = [], 0
    while offset < 6:
        response = service.get(f"/items?limit=2&offset={offset}")
        assert response.status == 200
        page = response.json()
        assert (page["total"], page["limit"], page["offset"]) == (5, 2, offset)
        assert len(page["items"]) == min(2, max(5 - offset, 0))
        pages.append([item["sku"] for item in page["items"]])
        offset += 2
    assert pages == [["P-01", "P-02"], ["P-03", "P-04"], ["P-05"]]


def test_list_defaults_and_past_the_end(service):
    empty_inventory(service)
    for number in range(25):
        created(service, f"D-{number:02d}")
    page = service.get("/items").json()
    assert (page["total"], page["limit"], page["offset"], len(page["items"])) == (25, 20, 0, 20)
    assert page["items"][0] == {"sku": "D-00", **WIDGET}
    past = service.get("/items?offset=30").json()
    assert (past["items"], past["total"], past["offset"]) == ([], 25, 30)


def test_list_rejects_bad_paging(service):
    for query in ("limit=0", "limit=101", "limit=abc", "limit=2.5", "offset=-1", "offset=x"):
        error_of(service.get(f"/items?{query}"), 400, "invalid_query")
    assert service.get("/items?limit=100&offset=0").status == 200


# ---------------------------------------------------------------- adjustments


def test_adjustment_changes_the_quantity(service):
    created(service, "ADJ-1", quantity=10)
    response = service.post("/items/ADJ-1/adjustments", json={"delta": -4})
    assert response.status == 200
    assert response.json() == {"sku": "ADJ-1", **WIDGET, "quantity": 6}
    assert service.post("/items/ADJ-1/adjustments", json={"delta": 5}).json()["quantity"] == 11
    assert service.get("/items/ADJ-1").json()["quantity"] == 11


def test_adjustment_below_zero_is_409_and_changes_nothing(service):
    created(service, "ADJ-2", quantity=3)
    error_of(service.post("/items/ADJ-2/adjustments", json={"delta": -4}), 409, "insufficient_stock")
    assert service.get("/items/ADJ-2").json()["quantity"] == 3
    assert service.post("/items/ADJ-2/adjustments", json={"delta": -3}).json()["quantity"] == 0


def test_adjustment_rules(service):
    created(service, "ADJ-3")
    for body in ({"delta": 0}, {"delta": "2"}, {"delta": True}, {}):
        error = error_of(service.post("/items/ADJ-3/adjustments", json=body), 422, "validation_failed")
        assert "delta" in error["fields"], body
    error_of(service.post("/items/NO-SUCH-SKU/adjustments", json={"delta": 1}), 404, "not_found")


# ---------------------------------------------------------------- HTTP itself


def test_unknown_path_is_404(service):
    error_of(service.get("/warehouses"), 404, "not_found")
    error_of(service.get("/items/A/B/C"), 404, "not_found")


def test_wrong_method_is_405_with_allow(service):
    response = service.post("/items/ANY-1", json=WIDGET)
    error_of(response, 405, "method_not_allowed")
    assert allowed(response) == {"GET", "PUT", "DELETE"}
    response = service.delete("/items")
    error_of(response, 405, "method_not_allowed")
    assert allowed(response) == {"GET"}
    response = service.get("/items/ANY-1/adjustments")
    error_of(response, 405, "method_not_allowed")
    assert allowed(response) == {"POST"}


def test_responses_are_json(service):
    for response in (put(service, "CT-1"), service.get("/items/CT-1"), service.get("/items"),
                     service.get("/items/NO-SUCH-SKU"), service.put("/items/CT-1", body="nope")):
        assert response.headers.get("Content-Type", "").split(";")[0].strip() == "application/json", response
