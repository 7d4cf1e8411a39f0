"""The user's corrections kept on this machine and as a settings file."""
