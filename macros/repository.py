"""Edit links need a repository address; without one (a local clone) they are left out, not broken."""


def drop_edit_links_without_repository(config) -> None:
    if not config.get("repo_url"):
        config["edit_uri"] = None
