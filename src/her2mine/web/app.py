"""FastAPI app factory and routes of the curator review app (server-rendered Jinja2)."""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlencode

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, StrictUndefined
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from her2mine.errors import Her2mineError, InputError
from her2mine.tables import TableStore
from her2mine.web import data
from her2mine.web.config import WebConfig
from her2mine.web.forest import forest_layout
from her2mine.web.highlight import (
    abstract_segments,
    format_number,
    locate_value,
    sentence_segments,
)
from her2mine.web.security import Guard

CURATOR_COOKIE = "h2m_curator"
_ID_RE = re.compile(r"^[0-9a-f]{16}$")
_STATIC = Path(__file__).parent / "static"


def _environment() -> Environment:
    # autoescape=True for every template: all data (titles, sentences, notes) is untrusted.
    env = Environment(
        loader=PackageLoader("her2mine.web", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["num"] = format_number
    env.globals["qs"] = lambda params: ("?" + urlencode(params)) if params else ""
    return env


def safe_next(target: str | None, default: str) -> str:
    """Only same-site relative paths (no '//host', no scheme): no open redirect."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return default


def _clean_curator(name: str | None) -> str | None:
    if not name:
        return None
    name = " ".join(name.split())[:80]
    return name or None


def _form(body: bytes) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace")).items()}


def _wants_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "")


def create_app(cfg: WebConfig) -> Any:
    """The ASGI app: FastAPI routes wrapped in the security ``Guard``.

    The FastAPI object itself is reachable as ``app.fastapi`` (e.g. for route listing).
    """
    store = TableStore(cfg.data_dir)
    repo = data.Repository(store)
    templates = Jinja2Templates(env=_environment())
    api = FastAPI(title="her2mine review", docs_url=None, redoc_url=None, openapi_url=None)
    api.mount("/static", StaticFiles(directory=_STATIC), name="static")

    def curator_of(request: Request) -> str | None:
        if cfg.curator:
            return cfg.curator
        return _clean_curator(unquote(request.cookies.get(CURATOR_COOKIE, "")))

    def render(
        request: Request, name: str, ctx: dict[str, Any], status_code: int = 200
    ) -> HTMLResponse:
        snap = ctx.get("snap") or repo.snapshot()
        base = {
            "csrf": request.state.csrf,
            "curator": curator_of(request),
            "curator_fixed": bool(cfg.curator),
            "stale_count": snap.stale_count,
            "here": request.url.path + (f"?{request.url.query}" if request.url.query else ""),
            "page": name.removesuffix(".html"),
            "error": None,
            "message": None,
        }
        base.update({k: v for k, v in ctx.items() if k != "snap"})
        return templates.TemplateResponse(request, name, base, status_code=status_code)

    @api.exception_handler(Her2mineError)
    async def _her2mine_error(request: Request, exc: Her2mineError) -> Response:
        status = 400 if isinstance(exc, InputError) else 500
        if _wants_json(request):
            return JSONResponse({"error": str(exc)}, status_code=status)
        return HTMLResponse(
            templates.get_template("error.html").render(
                title="Error", detail=str(exc), csrf=request.state.csrf
            ),
            status_code=status,
        )

    @api.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/evidence", status_code=303)

    @api.get("/favicon.ico", include_in_schema=False)
    def favicon() -> RedirectResponse:
        return RedirectResponse("/static/favicon.svg", status_code=301)

    @api.get("/healthz")
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    # -- evidence -------------------------------------------------------------------------
    @api.get("/evidence", response_class=HTMLResponse)
    def evidence_list(request: Request) -> HTMLResponse:
        snap = repo.snapshot()
        query = data.EvidenceQuery.from_params(request.query_params)
        rows = data.select_evidence(snap, query)
        total = len(rows)
        pages = max(1, math.ceil(total / cfg.page_size))
        page = min(query.page, pages)
        shown = rows.iloc[(page - 1) * cfg.page_size : page * cfg.page_size]
        detail_qs = urlencode(query.params(page=1))
        return render(
            request,
            "evidence_list.html",
            {
                "snap": snap,
                "rows": data.records(shown.drop(columns=["_status_rank"])),
                "total": total,
                "all_total": len(snap.evidence),
                "query": query,
                "facets": data.facets(snap),
                "page_no": page,
                "pages": pages,
                "detail_qs": ("?" + detail_qs) if detail_qs else "",
                "status_counts": snap.evidence["review_status"].value_counts().to_dict(),
            },
        )

    def detail_context(request: Request, evidence_id: str) -> dict[str, Any]:
        if not _ID_RE.match(evidence_id):
            raise InputError(f"bad evidence id {evidence_id!r}")
        snap = repo.snapshot()
        ev = snap.evidence
        hit = ev[ev["evidence_id"] == evidence_id]
        if hit.empty:
            raise _NotFound(f"no evidence {evidence_id!r} in {cfg.data_dir}")
        row = data.records(hit.drop(columns=["_status_rank"]))[0]
        works = snap.works[snap.works["work_id"] == row["work_id"]]
        work = data.records(works)[0] if not works.empty else {"work_id": row["work_id"]}
        located = locate_value(
            row["sentence"],
            row["start"],
            row["end"],
            row["value"],
            work.get("title"),
            work.get("abstract"),
        )
        query = data.EvidenceQuery.from_params(request.query_params)
        ordered = list(data.select_evidence(snap, query)["evidence_id"])
        prev_id, next_id = data.neighbours(ordered, evidence_id)
        same = ev[(ev["work_id"] == row["work_id"]) & (ev["evidence_id"] != evidence_id)]
        same = data.sort_evidence(same, "trial")
        from her2mine.review import decision_history

        history = data.records(decision_history(store, evidence_id))
        list_qs = urlencode(query.params(page=1))
        return {
            "snap": snap,
            "row": row,
            "work": work,
            "work_label": data.work_label(work),
            "corrections": data.corrections_of(work),
            "sentence": sentence_segments(row["sentence"], located.span),
            "abstract": abstract_segments(work.get("abstract"), row["sentence"], located.span),
            "located": located,
            "same_work": data.records(same.drop(columns=["_status_rank"])),
            "history": list(reversed(history)),
            "prev_id": prev_id,
            "next_id": next_id,
            "position": (ordered.index(evidence_id) + 1) if evidence_id in ordered else None,
            "n_ordered": len(ordered),
            "list_qs": ("?" + list_qs) if list_qs else "",
        }

    @api.get("/evidence/{evidence_id}", response_class=HTMLResponse)
    def evidence_detail(request: Request, evidence_id: str) -> HTMLResponse:
        ctx = detail_context(request, evidence_id)
        saved = request.query_params.get("saved")
        if saved in ("accepted", "rejected", "corrected"):
            ctx["message"] = f"Saved: {saved}."
        return render(request, "evidence_detail.html", ctx)

    @api.post("/evidence/{evidence_id}/decision")
    async def evidence_decision(request: Request, evidence_id: str) -> Response:
        form = _form(await request.body())
        curator = curator_of(request)
        back = safe_next(form.get("next"), f"/evidence/{evidence_id}")
        if not curator:
            if _wants_json(request):
                return JSONResponse({"error": "curator name not set"}, status_code=409)
            return RedirectResponse(f"/curator?next={quote(back)}", status_code=303)
        decision = (form.get("decision") or "").strip().lower()
        corrected = decision == "corrected"
        from her2mine.review import record_decision

        try:
            rec = await run_in_threadpool(
                record_decision,
                store,
                evidence_id,
                decision,
                curator,
                note=form.get("note") or None,
                corrected_value=(form.get("corrected_value") or None) if corrected else None,
                corrected_arm=(form.get("corrected_arm") or None) if corrected else None,
                corrected_endpoint=(form.get("corrected_endpoint") or None) if corrected else None,
                evidence_hash=form.get("evidence_hash") or None,
            )
        except InputError as e:
            if _wants_json(request):
                return JSONResponse({"error": str(e)}, status_code=400)
            if not _ID_RE.match(evidence_id):
                raise
            ctx = await run_in_threadpool(detail_context, request, evidence_id)
            ctx["error"] = str(e)
            ctx["form"] = form
            return render(request, "evidence_detail.html", ctx, status_code=400)
        status = "stale" if rec["stale"] else rec["decision"]
        if _wants_json(request):
            return JSONResponse(
                {
                    "evidence_id": evidence_id,
                    "decision": rec["decision"],
                    "review_status": status,
                    "stale": bool(rec["stale"]),
                    "curator": rec["curator"],
                    "decided_at": rec["decided_at"],
                }
            )
        sep = "&" if "?" in back else "?"
        if back.startswith(f"/evidence/{evidence_id}"):
            back = f"{back}{sep}saved={rec['decision']}"
        return RedirectResponse(back, status_code=303)

    # -- curator name -----------------------------------------------------------------------
    @api.get("/curator", response_class=HTMLResponse)
    def curator_form(request: Request) -> HTMLResponse:
        nxt = safe_next(request.query_params.get("next"), "/evidence")
        return render(request, "curator.html", {"next": nxt})

    @api.post("/curator")
    async def curator_set(request: Request) -> Response:
        form = _form(await request.body())
        nxt = safe_next(form.get("next"), "/evidence")
        name = _clean_curator(form.get("curator"))
        if not name:
            return render(
                request, "curator.html", {"next": nxt, "error": "Enter a name."}, status_code=400
            )
        resp = RedirectResponse(nxt, status_code=303)
        resp.set_cookie(
            CURATOR_COOKIE, quote(name), max_age=365 * 24 * 3600, httponly=True, samesite="lax"
        )
        return resp

    # -- works ----------------------------------------------------------------------------
    @api.get("/works", response_class=HTMLResponse)
    def works_page(request: Request) -> HTMLResponse:
        snap = repo.snapshot()
        flagged = request.query_params.get("flagged") == "1"
        return render(
            request,
            "works.html",
            {
                "snap": snap,
                "works": data.works_view(snap, flagged_only=flagged),
                "flagged": flagged,
                "n_all": len(snap.works),
            },
        )

    @api.post("/works/{work_id}/decision")
    async def work_decision(request: Request, work_id: str) -> Response:
        form = _form(await request.body())
        curator = curator_of(request)
        back = safe_next(form.get("next"), "/works")
        if not curator:
            return RedirectResponse(f"/curator?next={quote(back)}", status_code=303)
        from her2mine.review import record_decision

        await run_in_threadpool(
            record_decision,
            store,
            work_id,
            (form.get("decision") or "").strip().lower(),
            curator,
            note=form.get("note") or None,
            target="works",
            evidence_hash=form.get("content_hash") or None,
        )
        return RedirectResponse(back, status_code=303)

    # -- trials ---------------------------------------------------------------------------
    @api.get("/trials", response_class=HTMLResponse)
    def trials_page(request: Request) -> HTMLResponse:
        snap = repo.snapshot()
        return render(request, "trials.html", {"snap": snap, "trials": data.trials_index(snap)})

    @api.get("/trials/{trial}", response_class=HTMLResponse)
    def trial_page(request: Request, trial: str) -> HTMLResponse:
        snap = repo.snapshot()
        view = data.trial_view(snap, trial)
        if view is None:
            raise _NotFound(f"no trial {trial!r} in {cfg.data_dir}")
        items = data.forest_inputs(snap, trial=trial)
        return render(
            request,
            "trial.html",
            {"snap": snap, "t": view, "forest": forest_layout(items) if items else None},
        )

    # -- forest ---------------------------------------------------------------------------
    @api.get("/forest", response_class=HTMLResponse)
    def forest_page(request: Request) -> HTMLResponse:
        snap = repo.snapshot()
        trial = request.query_params.get("trial", "")[:200]
        endpoint = request.query_params.get("endpoint", "")[:50]
        items = data.forest_inputs(snap, trial=trial, endpoint=endpoint)
        fr = snap.forest
        return render(
            request,
            "forest.html",
            {
                "snap": snap,
                "forest": forest_layout(items) if items else None,
                "trial": trial,
                "endpoint": endpoint,
                "trials": sorted({str(t) for t in fr["trial"] if data.clean(t) is not None}),
                "endpoints": sorted({str(e) for e in fr["endpoint"]}),
                "n": len(items),
            },
        )

    @api.exception_handler(404)
    async def _not_found(request: Request, exc: Exception) -> Response:
        detail = str(getattr(exc, "detail", "")) or "Not found."
        return HTMLResponse(
            templates.get_template("error.html").render(
                title="Not found", detail=detail, csrf=request.state.csrf
            ),
            status_code=404,
        )

    guarded = Guard(api, cfg)
    guarded.fastapi = api  # type: ignore[attr-defined]
    return guarded


def _NotFound(detail: str) -> HTTPException:  # noqa: N802 - reads like an exception class
    return HTTPException(status_code=404, detail=detail)
