"""Modal dialogs: verdict, text prompt, choice, confirm, quote picker."""
