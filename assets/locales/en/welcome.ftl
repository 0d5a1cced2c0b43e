## The first screen of an empty database, and the sample shop (src/ui/welcome.rs)
welcome-title = Welcome to Laris
welcome-body = See how your shop is selling, from the spreadsheets you already have: orders from your till or marketplace, leads and deals, activities, expenses and targets.
welcome-import = Import a file…
welcome-import-hint = CSV or Excel exports from your till, Shopee, Tokopedia, TikTok Shop, Shopify or CRM
welcome-sample = Try the sample shop
welcome-sample-hint = Three years of a made-up Indonesian shop, so you can look around first.
welcome-db = Your data is kept on this computer only, in { $path }

progress-sample = Setting up the sample shop…
sample-done = The sample shop is ready.
