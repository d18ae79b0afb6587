from suivi.cli import main

main()
