"""status changes, audit entries, watch rules (issue: follow-up)

Revision ID: 0005_follow
Revises: 0004_reconcile
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = "0005_follow"
down_revision = "0004_reconcile"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass  # filled by the stage that owns these tables


def downgrade() -> None:
    pass
