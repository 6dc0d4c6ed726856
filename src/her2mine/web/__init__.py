"""Curator review web app (``her2mine review serve``): FastAPI + server-rendered Jinja2.

``create_app(WebConfig(data_dir=...))`` returns the ASGI app; see docs/web.md.
"""

from her2mine.web.app import create_app
from her2mine.web.config import WebConfig, check_serve_options, is_local_host

__all__ = ["WebConfig", "check_serve_options", "create_app", "is_local_host"]
