"""The Describe workspace: a drafted, edited description per design, in Korean and English."""
