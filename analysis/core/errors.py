"""The project's own error type: one plain sentence a user can act on."""


class InputError(ValueError):
    """A file or setting the engine cannot use.

    The message is one plain sentence naming the problem and what to do.
    The app shows it with ``st.error``; the command line prints it and exits 2.
    """
