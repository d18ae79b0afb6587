"""actors, mentions, roles, quotes, events and time expressions (issue: reading)

Revision ID: 0002_reading
Revises: 0001_articles
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = "0002_reading"
down_revision = "0001_articles"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass  # filled by the stage that owns these tables


def downgrade() -> None:
    pass
