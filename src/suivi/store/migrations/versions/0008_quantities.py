"""quantity and deadline kind of commitment mentions and commitments (issue 10: a readable action)

Revision ID: 0008_quantities
Revises: 0007_accounts

Why on both tables: extraction writes what one article states (the mention), reconcile copies
the first mention onto the merged commitment, so follow-up can read "120 of 300 schools built"
against the pledged 300 schools, and a start ("à partir de mars") apart from a deadline.
Added with batch_alter_table so SQLite, which cannot add columns in every form, gets the same
schema as PostgreSQL.
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_quantities"
down_revision = "0007_accounts"
branch_labels = None
depends_on = None

_COLUMNS = (
    ("deadline_kind", sa.String(8)),  # by | start | on
    ("quantity", sa.Float),  # the pledged sum or count
    ("quantity_unit", sa.String(64)),  # ISO 4217 code for money, the counted noun for a count
    ("quantity_kind", sa.String(8)),  # money | count
    ("quantity_text", sa.Text),  # the phrase the quantity was read from
)


def upgrade() -> None:
    for table in ("commitment_mentions", "commitments"):
        with op.batch_alter_table(table) as batch:
            for name, kind in _COLUMNS:
                batch.add_column(sa.Column(name, kind))


def downgrade() -> None:
    for table in ("commitment_mentions", "commitments"):
        with op.batch_alter_table(table) as batch:
            for name, _kind in reversed(_COLUMNS):
                batch.drop_column(name)
