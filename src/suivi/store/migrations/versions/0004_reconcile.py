"""stories, duplicates, merged commitments, disagreements (issue: reconcile)

Revision ID: 0004_reconcile
Revises: 0003_commitments
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = "0004_reconcile"
down_revision = "0003_commitments"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass  # filled by the stage that owns these tables


def downgrade() -> None:
    pass
