"""assessor: a self-hosted technical assessment platform for hiring backend developers."""


def create_app(test_config=None):
    """Application factory: config, extensions, blueprints."""
    # Imported here, not at the top, so `assessor grade` and the sandbox stay free of Flask's start-up cost.
    from .app import build_app

    return build_app(test_config)
