"""What clients ask most is answered with one connection and a fixed, small number of queries.

Under fifty clients each extra session is another wait for a pooled connection, and each query another
round trip: a movie by id took 13 ms alone and 700 ms at the median among fifty clients.
"""

from __future__ import annotations

from typing import Any

from tests.integration.movies.conftest import Library
from tests.support.queries import COUNT, RequestQueries, counting_queries


async def _add_matrix(library: Library) -> dict[str, Any]:
    body = {"tmdbId": 603, "qualityProfileId": 1, "rootFolderPath": str(library.root)}
    response = await library.server.client.post("/api/v3/movie", json=body)
    assert response.status_code == 201, response.text
    added: dict[str, Any] = response.json()
    return added


async def _counted(library: Library, path: str, **params: Any) -> RequestQueries:
    with counting_queries(library.server) as counted:
        response = await library.server.client.get(path, params=params, headers=COUNT)
        assert response.status_code == 200, response.text
    [queries] = counted
    return queries


async def test_a_movie_by_id_is_one_connection_and_two_queries(library: Library) -> None:
    added = await _add_matrix(library)
    path = f"/api/v3/movie/{added['id']}"
    await library.server.client.get(path)  # the quality profiles are read once, then kept
    queries = await _counted(library, path)
    assert queries.connections == 1
    # The movie with its file, then its alternative titles.
    assert len(queries.statements) == 2, queries.statements


async def test_the_calendar_is_one_connection_and_two_queries(library: Library) -> None:
    await _add_matrix(library)
    window = {"start": "1999-03-30", "end": "1999-04-01"}
    await library.server.client.get("/api/v3/calendar", params=window)
    queries = await _counted(library, "/api/v3/calendar", **window)
    assert queries.connections == 1
    assert len(queries.statements) == 2, queries.statements


async def test_a_page_of_the_list_is_one_connection_and_four_queries(library: Library) -> None:
    await _add_matrix(library)
    page = {"page": 1, "pageSize": 50, "sortKey": "title", "sortDirection": "descending"}
    await library.server.client.get("/api/v3/movie", params=page)
    queries = await _counted(library, "/api/v3/movie", **page)
    assert queries.connections == 1
    # The count, the page's ids, their movies with files, their alternative titles.
    assert len(queries.statements) == 4, queries.statements


async def test_a_changed_quality_profile_is_read_again(library: Library) -> None:
    added = await _add_matrix(library)
    path = f"/api/v3/movie/{added['id']}"
    client = library.server.client
    await client.get(path)
    profile = (await client.get("/api/v3/qualityprofile/1")).json()
    response = await client.put("/api/v3/qualityprofile/1", json={**profile, "name": "Renamed"})
    assert response.status_code == 202, response.text
    queries = await _counted(library, path)
    assert len(queries.statements) == 3, queries.statements
    assert any("quality_profiles" in statement for statement in queries.statements)


async def _plan(library: Library, queries: RequestQueries, marker: str, *, without: tuple[str, ...]) -> str:
    """The database's plan for the request's statement containing `marker`, run again as it was.

    On PostgreSQL the planner is told to do `without` those plan nodes where it can: a test's table is
    tiny, and scanning or sorting it cheapest, so the plan shows what the indexes could do.
    """
    [(statement, parameters)] = [
        (s, p) for s, p in zip(queries.statements, queries.parameters, strict=True) if marker in s
    ]
    db = library.server.services.db
    async with db.engine.connect() as conn:
        if db.dialect == "sqlite":
            rows = await conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", tuple(parameters))
            return "\n".join(str(row[-1]) for row in rows)
        for node in without:
            await conn.exec_driver_sql(f"SET enable_{node} = off")
        rows = await conn.exec_driver_sql(f"EXPLAIN {statement}", tuple(parameters))
        return "\n".join(str(row[0]) for row in rows)


async def test_a_page_by_title_reads_the_index_in_either_direction(library: Library) -> None:
    await _add_matrix(library)
    for direction in ("ascending", "descending"):
        page = {"page": 1, "pageSize": 50, "sortKey": "title", "sortDirection": direction}
        queries = await _counted(library, "/api/v3/movie", **page)
        # (a Sort stays in the plan only if no index gives the order)
        plan = await _plan(library, queries, "LIMIT", without=("seqscan", "bitmapscan", "sort"))
        assert "ix_movies_sort_title_id" in plan, plan
        # No sort of every movie to find 50 of them (SQLite: a temporary B-tree; PostgreSQL: a Sort node).
        assert "TEMP B-TREE" not in plan
        assert not any(line.strip().startswith(("Sort", "->  Sort")) for line in plan.splitlines()), plan


async def test_the_calendar_window_is_a_range_of_each_release_date_index(library: Library) -> None:
    await _add_matrix(library)
    queries = await _counted(library, "/api/v3/calendar", start="1999-03-30", end="1999-04-01")
    plan = await _plan(library, queries, "BETWEEN", without=("seqscan",))
    for column in ("in_cinemas", "digital_release", "physical_release"):
        assert f"ix_movies_{column}" in plan, plan
