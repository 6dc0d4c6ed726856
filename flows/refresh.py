"""Entrypoint for Prefect deployments (prefect.yaml): the flow lives in the package."""

from her2mine.flow.refresh import refresh

__all__ = ["refresh"]

if __name__ == "__main__":
    refresh()
