"""The fixed vocabulary the demo draws from: names, departments, tags, sources and conversation lines."""

from __future__ import annotations

from typing import Any

FIRST_NAMES = (
    "Elsie", "Murtaza", "Rodrigo", "Amara", "Chen", "Fatima", "Lucas", "Ingrid", "Kofi", "Priya", "Mateo",
    "Yuki", "Olga", "Samir", "Hannah", "Diego", "Aisha", "Tomás", "Leila", "Noah", "Sofia", "Ivan", "Mei",
    "Omar", "Clara", "Jonas", "Zanele", "Arjun", "Beatriz", "Emeka", "Nadia", "Pierre", "Ana", "Kenji",
    "Lucía", "Tariq", "Greta", "Ravi", "Camille", "Dmitri",
)  # fmt: skip
LAST_NAMES = (
    "Teng", "Patel", "Silva", "Okafor", "Wang", "Haddad", "Moreau", "Larsen", "Mensah", "Nair", "García",
    "Tanaka", "Ivanova", "Khan", "Schmidt", "Rossi", "Bello", "Dubois", "Costa", "Yilmaz", "Novak", "Kim",
    "Andersson", "Mbeki", "Fischer", "Lopez", "Sato", "Nowak", "Adeyemi", "Hughes",
)  # fmt: skip

# (username, display name); the demo's agents, created once and reused by later runs.
AGENTS = (
    ("alice.moreau", "Alice Moreau"), ("bruno.silva", "Bruno Silva"), ("chloe.nakamura", "Chloe Nakamura"),
    ("david.okafor", "David Okafor"), ("elena.petrova", "Elena Petrova"), ("farid.haddad", "Farid Haddad"),
    ("grace.lindqvist", "Grace Lindqvist"), ("hugo.martins", "Hugo Martins"), ("ines.garcia", "Inès García"),
    ("jamal.wright", "Jamal Wright"),
)  # fmt: skip
MANAGER = ("manager", "Morgan Manager")
# department -> its agents; the first is on duty after every `frontdesk demo` (available, online), so a
# visitor's chat in any department reaches an agent whose password the demo prints. The others are off shift.
TEAMS: dict[str, tuple[str, ...]] = {
    "Support": ("alice.moreau", "david.okafor", "grace.lindqvist", "jamal.wright"),
    "Sales": ("bruno.silva", "elena.petrova", "hugo.martins", "jamal.wright"),
    "Billing": ("chloe.nakamura", "farid.haddad", "ines.garcia"),
}

# name -> (description, share of rooms, tags its agents use most)
DEPARTMENTS: dict[str, tuple[str, float, tuple[str, ...]]] = {
    "Support": ("Product questions and troubleshooting", 0.5, ("bug", "how-to", "login", "resolved")),
    "Sales": ("Plans, quotes and demos", 0.3, ("pricing", "demo-request", "upgrade", "lead")),
    "Billing": ("Invoices, refunds and payment methods", 0.2, ("invoice", "refund", "payment", "resolved")),
}
TAGS = ("bug", "how-to", "login", "resolved", "pricing", "demo-request", "upgrade", "lead", "invoice",
        "refund", "payment", "vip", "complaint", "feedback")  # fmt: skip

WHATSAPP_SOURCES: tuple[dict[str, Any], ...] = (
    {
        "type": "app",
        "id": "5e3dadaa-e774-40d8-b3a4-b93b91747168",
        "alias": "WhatsApp Cloud",
        "label": "+1 555-036-6171",
        "sidebarIcon": "whatsapp",
        "defaultIcon": "whatsapp",
    },
    {
        "type": "app",
        "id": "5e3dadaa-e774-40d8-b3a4-b93b91747168",
        "alias": "WhatsApp Cloud",
        "label": "+1 555-011-6179",
        "sidebarIcon": "whatsapp",
        "defaultIcon": "whatsapp",
    },
)
WHATSAPP_CONTACT_IDS = ("100140772718747", "104258779177044")
API_SOURCE = {"type": "api"}
WIDGET_SOURCE = {"type": "widget"}
EMAIL_SOURCE = {"type": "email", "alias": "support@example.com"}

PLANS = ("Free", "Team", "Business", "Enterprise")
COUNTRIES = ("PT", "BR", "IN", "US", "DE", "NG", "JP", "FR", "MX", "KE")

VISITOR_OPENERS = (
    "Hello there",
    "Hi, I need some help with my account",
    "Hello WhatsApp!",
    "Good morning! Is anyone available?",
    "I can't log in since this morning",
    "How much does the **Team** plan cost per seat?",
    "My invoice for March looks wrong",
    "Can I get a refund for the duplicate charge?",
    "Is there a way to export my data as _CSV_?",
    "The app keeps crashing when I upload a file",
    "Do you offer discounts for non-profits?",
    "I'd like to book a demo for my team",
    "hi",
    "I was charged twice :(",
    "Where can I change my payment method?",
)
VISITOR_FOLLOW_UPS = (
    "Thanks, that worked!",
    "Still not working, I get `error 500`",
    "ok",
    "kl",
    "Could you send me the link again?",
    "We are about *25 people*",
    "It's order A-1043",
    "Yes, the email is the same as on the account",
    "this is pretty cool!!!",
    "Perfect, thank you so much",
    "Hmm, I tried that already",
    "Can you check again please?",
    "Great :)",
)
AGENT_REPLIES = (
    "Hi! I'm happy to help. Could you tell me the email on your account?",
    "Thanks for waiting. Let me check that for you.",
    "I've reset your session, please try to log in again.",
    "The **Team** plan is $8 per seat per month, billed yearly.",
    "I can see the duplicate charge; the refund will arrive in 5-7 days.",
    "You can export everything from *Settings → Data → Export*.",
    "Could you try clearing the cache and reloading the page?",
    "I've scheduled the demo for Thursday at 10:00, you'll get an invite.",
    "Yes, non-profits get **50% off** any plan.",
    "I've updated the invoice, you should get a corrected copy shortly.",
    "Is there anything else I can help you with?",
    "Great, glad it's sorted!",
    "Let me forward this to our engineers, one moment.",
)
CLOSE_COMMENTS = (
    "",
    "",
    "Resolved",
    "Customer satisfied",
    "No answer from visitor",
    "Duplicate of another chat",
)
