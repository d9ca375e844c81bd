## The directory: opportunities and services near her.
