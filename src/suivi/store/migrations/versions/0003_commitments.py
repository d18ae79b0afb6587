"""commitment mentions and commitments (issue: commitments)

Revision ID: 0003_commitments
Revises: 0002_reading
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = "0003_commitments"
down_revision = "0002_reading"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass  # filled by the stage that owns these tables


def downgrade() -> None:
    pass
