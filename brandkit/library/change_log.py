"""The database triggers that write the search change log (library_assetchange), kept in place.

Migration 0003 creates them. On SQLite, a later migration that has to rebuild a table
(Django's "remake table": copy, drop, rename) silently drops that table's triggers, and from
then on edits to versions would never reach the search index. So after every `migrate` the
triggers are re-created where missing (`ensure_triggers`, run from post_migrate): idempotent,
and the log's meaning stays exactly that of 0003.
"""

from __future__ import annotations

SQLITE_TRIGGERS = [
    (
        name,
        f"CREATE TRIGGER IF NOT EXISTS {name} AFTER {event} ON {table} "  # noqa: S608 constants
        f"BEGIN INSERT INTO library_assetchange (asset_id) VALUES ({row}); END",
    )
    for name, event, table, row in (
        ("library_asset_logged_insert", "INSERT", "library_asset", "NEW.id"),
        ("library_asset_logged_update", "UPDATE", "library_asset", "NEW.id"),
        ("library_asset_logged_delete", "DELETE", "library_asset", "OLD.id"),
        ("library_version_logged_insert", "INSERT", "library_assetversion", "NEW.asset_id"),
        ("library_version_logged_update", "UPDATE", "library_assetversion", "NEW.asset_id"),
        ("library_version_logged_delete", "DELETE", "library_assetversion", "OLD.asset_id"),
    )
]

POSTGRESQL_TRIGGERS = {
    "library_asset_logged": (
        "CREATE TRIGGER library_asset_logged AFTER INSERT OR UPDATE OR DELETE ON library_asset "
        "FOR EACH ROW EXECUTE FUNCTION library_log_asset_change()"
    ),
    "library_version_logged": (
        "CREATE TRIGGER library_version_logged AFTER INSERT OR UPDATE OR DELETE ON "
        "library_assetversion FOR EACH ROW EXECUTE FUNCTION library_log_version_change()"
    ),
}


def missing_triggers(connection) -> list[str]:
    """Names of change-log triggers that the database does not have."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            present = {row[0] for row in cursor.fetchall()}
            return [name for name, _sql in SQLITE_TRIGGERS if name not in present]
        if connection.vendor == "postgresql":
            cursor.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
            present = {row[0] for row in cursor.fetchall()}
            return [name for name in POSTGRESQL_TRIGGERS if name not in present]
    return []


def ensure_triggers(connection) -> list[str]:
    """Re-create missing triggers (only once the log table exists); returns their names."""
    if "library_assetchange" not in connection.introspection.table_names():
        return []
    missing = missing_triggers(connection)
    with connection.cursor() as cursor:
        for name in missing:
            if connection.vendor == "sqlite":
                cursor.execute(dict(SQLITE_TRIGGERS)[name])
            else:
                cursor.execute(POSTGRESQL_TRIGGERS[name])
    return missing
