package vn.sohoa.signer;

/** Asks the person at the computer for the token's PIN (a console or window prompt): the page never sees it. */
@FunctionalInterface
public interface PinPrompt {

    /** The PIN, or null when the user cancelled; the caller wipes the array after use. */
    char[] askPin(String prompt);
}
